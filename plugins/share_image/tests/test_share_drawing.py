"""Level 2: one build's drawing, from the cards to ``finalized``, kept apart from the drawing of any other build."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG

from reality_check.plugins.share_image import handlers
from reality_check.plugins.share_image import image as image_file


def brief(number: int) -> SimpleNamespace:
    """A synthetic brief as the card plugin leaves it."""
    return SimpleNamespace(
        slug=f"synthetic-{number}",
        series_number=900 + number,
        title=f"Synthetic brief {number} on an invented treaty",
        locale_date="February 1, 2099",
        summary_card=SimpleNamespace(first_key_point=f"Invented key point {number}."),
    )


def articles_generator(root: Path, count: int) -> ArticlesGenerator:
    """An articles generator of a build into `root`/output, with `count` briefs and one drawing worker."""
    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(CACHE_PATH=str(root / "cache"), SHARE_IMAGE_WORKERS=1, SITENAME="Synthetic Series")
    # The site's plugins, loaded by an earlier test in this process, get the generator at generator_init too.
    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "extensions": ["jinja2.ext.i18n"]}
    handlers.set_defaults(SimpleNamespace(settings=settings))
    generator = ArticlesGenerator(
        context={},
        settings=settings,
        path=str(root),
        theme=settings["THEME"],
        output_path=str(root / "output"),
    )
    generator.articles = [brief(number) for number in range(count)]
    handlers.begin_drawing(generator)  # as article_generator_init does where the plugin is registered
    return generator


@pytest.fixture(autouse=True)
def no_drawing_left():
    yield
    handlers.DRAWINGS.abandon()


def test_a_build_draws_its_briefs_images_and_places_them_at_its_end(tmp_path):
    generator = articles_generator(tmp_path / "a", 9)  # enough to start a worker
    handlers.assign_share_images([generator])
    assert generator.articles[0].share_image == "images/share/synthetic-0.png"
    another_build = SimpleNamespace(settings={**generator.settings})  # equal settings, another build's
    handlers.finish_drawing(another_build)
    assert not (tmp_path / "a/output/images/share").exists()
    handlers.finish_drawing(SimpleNamespace(settings=generator.settings))
    placed = sorted(path.name for path in (tmp_path / "a/output/images/share").iterdir())
    assert placed == [f"synthetic-{number}.png" for number in range(9)]
    assert len(handlers.DRAWINGS) == 0


def test_the_drawing_a_failed_build_left_is_stopped_by_the_next_build_and_never_placed(tmp_path):
    failed = articles_generator(tmp_path / "failed", 9)
    handlers.assign_share_images([failed])
    left = handlers.DRAWINGS.get(lambda drawing: drawing.settings is failed.settings)
    assert left.pool.has_workers
    # The build stopped with an error before ``finalized``; the devserver's next build starts.
    following = articles_generator(tmp_path / "next", 9)
    handlers.assign_share_images([following])
    assert not left.pool.has_workers
    assert left not in handlers.DRAWINGS
    handlers.finish_drawing(SimpleNamespace(settings=failed.settings))
    assert not (tmp_path / "failed/output").exists()
    handlers.finish_drawing(SimpleNamespace(settings=following.settings))
    assert len(list((tmp_path / "next/output/images/share").iterdir())) == 9


def test_a_one_brief_preview_gives_its_brief_the_images_address_and_draws_nothing(tmp_path):
    """The devserver's preview runs the per-brief plugins on a copy of the last build's generator holding the saved
    brief (editor/preview_session.py): the page needs the image's address; the full build that follows draws it."""
    build = articles_generator(tmp_path, 9)
    handlers.assign_share_images([build])
    handlers.finish_drawing(SimpleNamespace(settings=build.settings))  # the full build completed
    saved = brief(3)
    alone = copy.copy(build)
    alone.settings = {**build.settings, "CACHE_CONTENT": False}
    alone.articles = [saved]
    handlers.assign_share_images([alone])
    assert saved.share_image == "images/share/synthetic-3.png"
    assert handlers.DRAWINGS.get(lambda drawing: True) is None  # nothing started, nothing to leave behind


def test_a_cached_image_cut_short_is_drawn_again_and_never_placed(tmp_path):
    """A cache restored in part (or a full disk) left images without their end, and make publish shipped them."""
    first = articles_generator(tmp_path, 2)
    handlers.assign_share_images([first])
    handlers.finish_drawing(SimpleNamespace(settings=first.settings))
    cached = sorted((tmp_path / "cache").rglob("*.png"))
    assert len(cached) == 2
    assert all(image_file.whole_png(path) for path in cached)
    whole = cached[0].read_bytes()
    cached[0].write_bytes(whole[: len(whole) // 2])
    (tmp_path / "output").rename(tmp_path / "first-output")

    again = articles_generator(tmp_path, 2)
    handlers.assign_share_images([again])
    handlers.finish_drawing(SimpleNamespace(settings=again.settings))

    assert cached[0].read_bytes() == whole
    placed = sorted((tmp_path / "output" / "images" / "share").iterdir())
    assert [image_file.whole_png(path) for path in placed] == [True, True]
