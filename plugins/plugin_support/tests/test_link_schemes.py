"""The addresses a brief may link to, read as a browser reads them."""

from __future__ import annotations

import pytest

from reality_check.plugins.plugin_support.link_schemes import disallowed_scheme, scheme_of


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
