"""`make lighthouse`: Lighthouse (npm, pinned in package-lock.json) on one page of the built site, four scores.

Usage: python -m quality.lighthouse_report [PAGE_PATH]

Builds the live site (publishconf.py, so absolute canonical URLs, feeds and share images) for a free port of
127.0.0.1 and serves it there with the headers of deploy/_headers, runs Lighthouse in Debian's Chromium against
PAGE_PATH, prints the performance, accessibility, best-practices and SEO scores, and keeps the full report under
test-artifacts/.
Slow and sensitive to machine load (performance especially), so it is not part of `make test`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .page_types import BRIEF_4_URL
from .served import StaticSiteServer
from .tools import CHROMIUM, CHROMIUM_ARGS, ROOT, missing_chromium

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "test-artifacts" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_lighthouse(url: str, report_base: Path) -> dict[str, float]:
    """Run Lighthouse on `url`; write report_base.report.{json,html}; return each category's score (0-100)."""
    flags = " ".join(("--headless=new", *CHROMIUM_ARGS))
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={report_base}",
        "--quiet",
    ]
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": str(CHROMIUM)}, timeout=300)
    report = json.loads(report_base.with_suffix(".report.json").read_text(encoding="utf-8"))
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def build_live_site(output: Path, siteurl: str) -> None:
    """The site as `make publish` builds it, for `siteurl` (so canonical and og:url are absolute)."""
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(ROOT / "content"),
        "-o",
        str(output),
        "-s",
        "publishconf.py",
    ]
    subprocess.run(
        command, check=True, cwd=ROOT, env={**os.environ, "SITEURL": siteurl}, stdout=subprocess.DEVNULL
    )


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    page = argv[0] if argv else BRIEF_4_URL
    for problem in (missing_chromium(),):
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 1
    if not LIGHTHOUSE.is_file():
        print(
            "error: Lighthouse not found in node_modules/: run `make node-tools` (needs npm)", file=sys.stderr
        )
        return 1
    REPORTS.mkdir(parents=True, exist_ok=True)
    report_base = REPORTS / (page.strip("/").replace("/", "-") or "home")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        site = Path(folder)
        shutil.copy(ROOT / "deploy" / "_headers", site / "_headers")  # read when the server starts
        with StaticSiteServer(site) as server:
            build_live_site(site, server.base_url.rstrip("/"))
            scores = run_lighthouse(server.url(page), report_base)
    print(f"Lighthouse scores for {page}:")
    for name, score in scores.items():
        print(f"  {name:<15} {score:>3}")
    print(f"Full report: {report_base.with_suffix('.report.html').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
