"""An extraction made once in a process (by make html's checks) is the one the build then uses."""

from summary_card.cache import ExtractionCache, extract_card_once, extraction_key
from summary_card.card import CardSettings, GivenCard

HTML = (
    "<h2>Key points</h2>\n<ul>\n<li>A SYNTHETIC point.</li>\n</ul>\n"
    "<h2>What is the solution?</h2>\n<ol>\n<li><strong>Do a synthetic thing.</strong> Because.</li>\n</ol>"
)


def test_the_build_finds_the_extraction_the_checks_made():
    settings, given = CardSettings(), GivenCard()
    made = extract_card_once(HTML, settings, given)
    assert [point.text for point in made.card.key_points] == ["A SYNTHETIC point."]
    assert extract_card_once(HTML, settings, given) is made

    build_cache = ExtractionCache(None, load=False)  # a build without Pelican's content cache
    assert build_cache.get(extraction_key(HTML, settings, given)) is made


def test_other_settings_extract_again():
    made = extract_card_once(HTML, CardSettings(), GivenCard())
    other = extract_card_once(HTML, CardSettings(key_points_headings=("Summary",)), GivenCard())
    assert other is not made
    assert other.card.key_points == ()
