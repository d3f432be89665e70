"""The addresses a brief may link to, read as a browser reads them."""

from __future__ import annotations

import pytest

from reality_check.plugins.plugin_support.link_schemes import address_as_read, disallowed_scheme, scheme_of


@pytest.mark.parametrize(
    ("address", "scheme"),
    [
        ("javascript:alert(1)", "javascript:"),
        ("  JavaScript:alert(1)", "javascript:"),
        ("java\tscript:alert(1)", "javascript:"),
        ("java\nscript:alert(1)", "javascript:"),
        ("vbscript:msgbox", "vbscript:"),
        ("data:text/html;base64,AAAA", "data:"),
        ("tel:+15550100", "tel:"),
        ("FTP://example.org/", "ftp:"),
        ("https://example.org/javascript:", "https:"),
        ("mailto:someone@example.org", "mailto:"),
        ("/briefs/x/", ""),
        ("#recommendation-1", ""),
        ("annex.html", ""),
        ("../annex/#a:b", ""),
        ("", ""),
    ],
)
def test_the_scheme_is_read_as_a_browser_reads_it(address, scheme):
    assert scheme_of(address) == scheme


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        ("https://example.org/", ""),
        ("HTTP://example.org/", ""),
        ("mailto:someone@example.org", ""),
        ("/briefs/x/", ""),
        ("#recommendation-1", ""),
        ("javascript:alert(1)", "javascript:"),
        ("java\tscript:alert(1)", "javascript:"),
        ("data:text/html,x", "data:"),
        ("tel:+15550100", "tel:"),
        ("file:///etc/passwd", "file:"),
    ],
)
def test_only_relative_http_https_and_mailto_addresses_are_allowed(address, refused):
    assert disallowed_scheme(address) == refused


@pytest.mark.parametrize(
    ("address", "read"),
    [
        ("java\tscript:alert(1)", "javascript:alert(1)"),
        (" \x00java\r\nscript :x", "javascript:x"),
        ('values="0;java\x0bscript:alert(1)"', 'values="0;javascript:alert(1)"'),
        ("https://example.org/\u00a0x", "https://example.org/\u00a0x"),  # not ASCII: kept
    ],
)
def test_an_address_is_read_without_what_a_browser_drops_from_it(address, read):
    """The one rule the scheme check and the SVG drawings' javascript: search share (brief_registry/images.py)."""
    assert address_as_read(address) == read
