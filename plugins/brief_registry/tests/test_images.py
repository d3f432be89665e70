"""Images in a brief's body: which the site can show, where each problem is placed, and the links the build writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from brief_registry.images import (
    BodyImage,
    ImageCode,
    body_images,
    image_file,
    image_problems,
    link_site_images,
)
from brief_registry.rendering import brief_markdown

MARKDOWN = {"extension_configs": {"markdown.extensions.extra": {}}, "output_format": "html5"}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder whose images/ holds chart.png and maps/europe.png (synthetic bytes)."""
    (tmp_path / "images" / "maps").mkdir(parents=True)
    (tmp_path / "images" / "chart.png").write_bytes(b"\x89PNG synthetic chart")
    (tmp_path / "images" / "maps" / "europe.png").write_bytes(b"\x89PNG synthetic map")
    (tmp_path / "briefs").mkdir()
    return tmp_path


def problems_of(body: str, content: Path, first_line: int = 10):
    """The image problems of `body` (Markdown) as the build finds them: rendered, then checked."""
    rendered = brief_markdown(MARKDOWN, fast=True).convert(body)
    return image_problems(rendered, body, first_line, "x.md", content / "briefs" / "x.md", content)


def test_every_image_is_found_with_its_description():
    rendered = '<p><img alt="A chart" src="/images/chart.png"> and <img src="b.png"/> <IMG SRC=" c.png "></p>'

    assert body_images(rendered) == (
        BodyImage("/images/chart.png", "A chart"),
        BodyImage("b.png", ""),
        BodyImage("c.png", ""),
    )
    assert body_images("<p>No picture, only the word img.</p>") == ()


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("/images/chart.png", "images/chart.png"),
        ("/images/maps/europe.png", "images/maps/europe.png"),
        ("/images/a%20chart.png", "images/a chart.png"),
        ("{static}/images/chart.png", "images/chart.png"),
        ("{static}../images/chart.png", "images/chart.png"),  # relative to the brief, as Pelican reads it
        ("/images/../pelicanconf.py", None),  # out of the folder again
        ("/images/", None),
        ("{static}/briefs/x.md", None),
        ("chart.png", None),
        ("/static/chart.png", None),
        ("https://example.org/images/chart.png", None),
    ],
)
def test_an_address_names_a_file_in_the_images_folder_or_none(content, src, expected):
    found = image_file(src, content / "briefs" / "x.md", content)

    assert found == (None if expected is None else content / expected)


def test_images_in_the_folder_with_a_description_pass(content):
    body = "Text.\n\n![A synthetic chart](/images/chart.png)\n\n![A map](/images/maps/europe.png)\n"

    assert problems_of(body, content) == ()


def test_each_problem_is_placed_on_the_line_of_its_image(content):
    body = (
        "Text.\n\n"  # lines 10, 11
        "![A chart](/images/chart.png)\n\n"  # 12: fine
        "![A missing chart](/images/Chart.PNG)\n\n"  # 14
        "Prose, then ![A remote chart](https://example.org/chart.png) inline.\n\n"  # 16
        '<img src="figures/chart.png" alt="Raw HTML">\n'  # 18
    )

    found = [(p.line, p.code) for p in problems_of(body, content)]

    assert found == [
        (14, ImageCode.IMAGE_NOT_FOUND),
        (16, ImageCode.IMAGE_ON_ANOTHER_SITE),
        (18, ImageCode.IMAGE_OUTSIDE_FOLDER),
    ]


def test_a_missing_image_names_the_file_and_the_closest_one_there(content):
    (problem,) = problems_of("![A chart](/images/Chart.PNG)\n", content)

    assert problem.message == (
        f"image '/images/Chart.PNG' is missing: there is no {content.name}/images/Chart.PNG; add the file "
        "there, or correct the name (did you mean '/images/chart.png'?)"
    )


def test_an_image_without_a_description_is_told_how_to_write_one(content):
    (problem,) = problems_of("![](/images/chart.png)\n", content, first_line=7)

    assert (problem.line, problem.code) == (7, ImageCode.IMAGE_WITHOUT_DESCRIPTION)
    assert (
        "write what it shows between the brackets, as in ![Defence budgets, 2010 to 2020](/images/chart.png)"
        in (problem.message)
    )


def test_an_image_in_a_code_block_is_code_not_an_image(content):
    body = "```\n![](https://example.org/chart.png)\n```\n\nText with `![](x.png)` in code.\n"

    assert problems_of(body, content) == ()


def test_a_data_address_is_left_to_the_safety_check(content):
    """`unsafe-url-scheme` words it; reporting it twice would only repeat the fix."""
    rendered = '<p><img alt="x" src="data:image/png;base64,AAAA"></p>'

    assert image_problems(rendered, rendered, 1, "x.md", content / "briefs" / "x.md", content) == ()


def test_only_the_sites_own_image_addresses_become_static_links():
    rendered = (
        "<p><img alt=\"A\" src=\"/images/chart.png\"> <img alt='B' src='/images/b.png'> "
        '<a href="/images/chart.png">the chart</a> <img alt="C" src="/imagesx/c.png"></p>'
    )

    assert link_site_images(rendered) == (
        "<p><img alt=\"A\" src=\"{static}/images/chart.png\"> <img alt='B' src='{static}/images/b.png'> "
        '<a href="/images/chart.png">the chart</a> <img alt="C" src="/imagesx/c.png"></p>'
    )
    assert link_site_images("<p>No image.</p>") == "<p>No image.</p>"
