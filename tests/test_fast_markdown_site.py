"""Level 3: the site built with the fast Markdown path is byte for byte the site Python-Markdown alone builds.

Two sites, each built twice with the publishing settings (feeds, cards, share-image tags, search index,
citations): once as the project builds it, once with ``BRIEF_REGISTRY_FAST_MARKDOWN = False`` (every document through
Python-Markdown, the engine the site was first built with). Every file of the output must match.

- the real content with briefs #3, #5 and #6 of the series fixtures and one brief in each writing style the card
  reads;
- a generated archive of briefs shaped like #4 (bench/corpus.py), the shape `make bench` measures.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, add_to_registry, build_site, copy_content

from reality_check.bench.corpus import write_corpus

SERIES = ROOT / "tests" / "fixtures" / "series"
STYLES = ROOT / "plugins" / "summary_card" / "test_data" / "briefs"


def _real_content(tmp: Path) -> Path:
    content = copy_content(tmp / "content", *SERIES.glob("briefs/*.md"), *STYLES.glob("*.md"))
    shutil.copytree(SERIES / "images", content / "images", dirs_exist_ok=True)  # the chart #5 shows
    add_to_registry(content / "authors.yml", (SERIES / "authors.yml").read_text(encoding="utf-8"))
    return content


def _generated_content(tmp: Path) -> Path:
    project, _ = write_corpus(15, tmp / "corpus")
    return project


def _files(root: Path) -> list[Path]:
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("make_content", "pdfs"),
    [(_real_content, True), (_generated_content, False)],
    ids=["real+fixtures", "generated"],
)
def test_the_site_is_identical_with_and_without_the_fast_path(tmp_path, caplog, make_content, pdfs):
    """Each build has a cache of its own (nothing parsed by one is reused by the other) except for the drawn PDFs:
    a PDF is cached under a hash of everything it shows (pdf_edition's cache key), so the reference build reuses
    the fast build's PDFs only where the briefs read identically, and draws (differing) PDFs where they do not.
    Drawing each PDF once halves the test's time; that the reference build drew none is asserted too. The
    generated archive, whose briefs are all of one shape, is compared without PDF editions: drawing its fifteen
    was two thirds of the test's time, and told nothing the real content's writing styles do not."""
    content = make_content(tmp_path)
    pdf_settings = {"PDF_EDITION_CACHE_PATH": str(tmp_path / "pdf-cache"), "PDF_EDITION": pdfs}
    with (
        caplog.at_level(logging.ERROR),
        caplog.at_level(logging.INFO, logger="reality_check.plugins.pdf_edition"),
    ):
        fast = build_site(
            content, tmp_path / "fast", conf="publishconf.py", CACHE_PATH=str(tmp_path / "c1"), **pdf_settings
        )
        reference = build_site(
            content,
            tmp_path / "ref",
            conf="publishconf.py",
            CACHE_PATH=str(tmp_path / "c2"),
            BRIEF_REGISTRY_FAST_MARKDOWN=False,
            **pdf_settings,
        )
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    drawn = [r.getMessage() for r in caplog.records if " PDFs drawn, the rest reused" in r.getMessage()]
    assert len(drawn) == (2 if pdfs else 0), drawn  # one line per build that draws PDFs
    if pdfs:
        # The cache started empty, so the fast build drew; the reference build found every brief's PDF in it.
        assert not drawn[0].startswith("pdf_edition: 0 of "), drawn
        assert drawn[1].startswith("pdf_edition: 0 of "), drawn
        assert any(f.suffix == ".pdf" for f in _files(fast))
    files = _files(fast)
    assert files == _files(reference)
    assert len({f.parts[1] for f in files if f.parts[0] == "briefs"}) >= 10
    assert [str(f) for f in files if (fast / f).read_bytes() != (reference / f).read_bytes()] == []
