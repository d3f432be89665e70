"""`make bench`: build synthetic archives with this project and with plain Pelican, hold the budgets.

For each N it measures, in one run on this machine:
  1. cold build time of the project (publish settings: every plugin, theme, share images, search index) and of
     plain Pelican on the same Markdown, alternating, median of RUNS;
  2. rebuild after editing one brief with Pelican's content cache on, as a ratio to a cold `make html` with the
     development settings (the settings the rebuild uses);
  3. rebuild with nothing changed (and whether it drew any share image);
  4. peak memory (max RSS) of the project's build process;
  5. the weight of one brief page: HTML + CSS + fonts + images it loads, raw and gzipped;
  6. the PDF edition (bench/pdf.py): time per PDF, cold and unchanged builds with and without PDFs.
Builds 1 to 5 leave the PDFs out (PDF_EDITION=false), so they compare with the earlier runs.
Times are medians of RUNS; rebuilds use Pelican's content cache, as an editor's would.
Prints a Markdown table, writes it to bench/results.md, and exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from .child import ROOT, Run, cache_args, timed
from .corpus import write_corpus
from .pdf import measure_pdf, pdf_missed_budgets, pdf_table

RESULTS = ROOT / "bench" / "results.md"

BUDGET_BUILD_RATIO = 1.0  # project cold `make html` (check + build) / plain Pelican cold build, at every N
BUDGET_EDIT_RATIO = 0.35  # edit-one-brief rebuild / cold build
BUDGET_UNCHANGED_RATIO = 0.25  # rebuild with nothing changed / cold build
# make devserver: save a brief -> its served page shows the change, held at N <= 1000
BUDGET_PREVIEW_SECONDS = 1.0
BUDGET_RSS_MB = 400  # peak memory of any process of a build, at N <= 1000
LARGE_N = 10_000  # the archive size with budgets of its own
BUDGET_LARGE_RSS_MB = 1500  # ... at N = 10,000
BUDGET_LARGE_COLD_SECONDS = 60.0  # cold make html at N = 10,000


def rss_budget_mb(n: int) -> int:
    """The peak-memory budget at archive size `n`: 400 MB up to 1000 briefs, 1.5 GB beyond."""
    return BUDGET_RSS_MB if n <= 1000 else BUDGET_LARGE_RSS_MB


BUDGET_PAGE_GZIP_KB = 20


@dataclass
class Measurement:
    n: int
    project_cold: list[Run] = field(default_factory=list)
    dev_cold: list[Run] = field(default_factory=list)  # `make html` as an editor runs it (pelicanconf.py)
    plain_cold: list[Run] = field(default_factory=list)
    edit_one: list[Run] = field(default_factory=list)
    unchanged: list[Run] = field(default_factory=list)
    plain_edit_one: list[Run] = field(default_factory=list)
    unchanged_drew_images: int = 0
    preview: list[float] = field(default_factory=list)
    page_raw: int = 0
    page_gzip: int = 0
    page_parts: list[str] = field(default_factory=list)
    blocking_scripts: int = 0

    @property
    def project_median(self) -> float:
        return statistics.median(r.seconds for r in self.project_cold)

    @property
    def plain_median(self) -> float:
        return statistics.median(r.seconds for r in self.plain_cold)

    @property
    def ratio(self) -> float:
        return self.project_median / self.plain_median

    @property
    def dev_median(self) -> float:
        return statistics.median(r.seconds for r in self.dev_cold)

    @property
    def edit_median(self) -> float:
        return statistics.median(r.seconds for r in self.edit_one)

    @property
    def unchanged_median(self) -> float:
        return statistics.median(r.seconds for r in self.unchanged)

    @property
    def plain_edit_median(self) -> float:
        return statistics.median(r.seconds for r in self.plain_edit_one)

    @property
    def preview_median(self) -> float:
        return statistics.median(self.preview) if self.preview else float("nan")

    @property
    def peak_rss(self) -> float:
        """The largest peak of any one process of the project's builds (Pelican, or Pagefind it starts)."""
        return max(
            r.max_rss_mb for r in [*self.project_cold, *self.dev_cold, *self.edit_one, *self.unchanged]
        )


def make_html(
    content: Path, output: Path, cache: Path, env: dict[str, str], settings: str = "publishconf.py"
) -> Run:
    """What `make html` does (editor/build.py): `make check`'s checks, then the build, skipped when nothing it is
    built from changed. The cold comparison with plain Pelican uses the publishing settings (every
    feature on); the rebuilds use the development settings, as `make html` does."""
    build = [
        sys.executable, "-m", "reality_check.editor.build", "--content", str(content), "--output", str(output),
        "--settings", settings, "--", "--fatal", "errors", *cache_args(cache),
    ]  # fmt: skip
    return timed(build, env)


def preview_times(content: Path, workdir: Path, edits: int, env: dict[str, str]) -> list[float]:
    """`make devserver` on `content`: seconds from saving a brief to its served page showing the change."""
    workdir.mkdir(parents=True, exist_ok=True)
    output, log = workdir / "preview-output", workdir / "preview.log"
    command = [
        sys.executable, "-m", "reality_check.editor", "devserver", "--content", str(content), "--output", str(output),
        "--settings", str(ROOT / "pelicanconf.py"), "--port", "0",
        "--", "-e", f'CACHE_PATH="{workdir / "preview-cache"}"',
    ]  # fmt: skip
    times = []
    with log.open("w") as stream:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: "Preview at" in log.read_text(encoding="utf-8"), 1800, "the devserver's first build")
        # Any free port (PORT=0), named in the banner: no other program can take it between a probe and the bind.
        port = int(
            re.search(r"Preview at http://127\.0\.0\.1:(\d+)/", log.read_text(encoding="utf-8")).group(1)
        )
        briefs = sorted((content / "briefs").glob("*.md"))
        for i in range(edits):
            brief = briefs[(len(briefs) // 3 + 7 * i) % len(briefs)]
            page = next((output / "briefs").glob(f"*-{int(brief.stem.split('-')[-1])}-*/index.html"))
            url = f"http://127.0.0.1:{port}/{page.parent.relative_to(output).as_posix()}/"
            marker = f"Preview edit {i} {time.time_ns()}"
            text = brief.read_text(encoding="utf-8")
            start = time.perf_counter()
            brief.write_text(
                text.replace("## What’s the issue?", f"## What’s the issue?\n\n{marker}", 1), "utf-8"
            )
            _wait(lambda u=url, m=marker: m in _fetch(u), 120, "the edited page")
            times.append(time.perf_counter() - start)
            print(f"  devserver: save to served page {i + 1}: {times[-1]:.2f} s", flush=True)
            _wait(
                lambda name=brief.name: rebuilt_since_saved(log.read_text(encoding="utf-8"), name),
                1800,
                "the rebuild",
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    return times


def rebuilt_since_saved(log: str, name: str) -> bool:
    """Whether the devserver's `log` shows the rebuild after the latest save of the file `name` finished (a save
    made during a rebuild is rebuilt with any other saved meanwhile: one "Done" for both)."""
    saves = [m.end() for m in re.finditer(rf"^-> Saved: .*\b{re.escape(name)}\b.*$", log, re.MULTILINE)]
    return bool(saves) and "Done: Processed" in log[saves[-1] :]


def _fetch(url: str) -> str:
    """The devserver's page at `url` (on 127.0.0.1: asked directly, whatever proxy the environment names)."""
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=5) as answer:
            return answer.read().decode("utf-8")
    except OSError:
        return ""


def _wait(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"bench: timed out waiting for {what}")
        time.sleep(0.02)


def pelican(content: Path, output: Path, conf: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", conf, *extra]


def share_image_stamps(cache: Path) -> dict[str, int]:
    """The drawn share images in the build's cache (plugins/share_image), with their modification times."""
    folder = cache / "share_image"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.png")} if folder.exists() else {}


def page_weight(output: Path, page: Path, m: Measurement) -> None:
    """Sum what a browser downloads to show `page`: the HTML and the CSS, fonts and images it references."""
    html = page.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    files = [("html", html)]
    for tag, attr in (("link", "href"), ("img", "src"), ("script", "src")):
        for node in soup.find_all(tag):
            url = node.get(attr)
            if not url or (
                tag == "link" and not {"stylesheet", "icon", "preload"} & set(node.get("rel", []))
            ):
                continue
            path = urlsplit(url).path
            local = output / path.lstrip("/")
            if local.is_file():
                files.append((path, local.read_bytes()))
            if tag == "script" and not (
                node.has_attr("defer") or node.has_attr("async") or node.get("type") == "module"
            ):
                m.blocking_scripts += 1
    for name, data in files:
        m.page_raw += len(data)
        m.page_gzip += len(gzip.compress(data, 9, mtime=0))
        m.page_parts.append(name)


def edit_one_brief(content: Path, index: int) -> None:
    """Change one sentence of one brief, as an editor fixing a typo would."""
    briefs = sorted((content / "briefs").glob("*.md"))
    edited = briefs[index % len(briefs)]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("## What’s the issue?", "## What’s the issue?\n\nAn edited line.", 1), encoding="utf-8"
    )


def measure(n: int, runs: int, workdir: Path, preview_edits: int = 0) -> Measurement:
    m = Measurement(n)
    project, plain = write_corpus(n, workdir / f"corpus-{n}")
    env = {**os.environ, "SITEURL": "https://bench.example.org"}
    project_out, plain_out = workdir / f"project-{n}", workdir / f"plain-{n}"
    cache = workdir / f"cache-{n}"
    for i in range(runs):
        for name in ("project", "plain") if i % 2 == 0 else ("plain", "project"):
            if name == "project":
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(project_out, ignore_errors=True)
                m.project_cold.append(make_html(project, project_out, cache, env))
            else:
                shutil.rmtree(plain_out, ignore_errors=True)
                m.plain_cold.append(timed(pelican(plain, plain_out, "bench/plainconf.py"), env))
            print(
                f"  N={n} {name} cold build {i + 1}: {(m.project_cold if name == 'project' else m.plain_cold)[-1].seconds:.2f} s",
                flush=True,
            )

    # Rebuilds as an editor's `make html` makes them (development settings, caches on): cold, then unchanged, then
    # after editing one brief, each against the cold build of the same settings.
    dev_out, dev_cache = workdir / f"dev-{n}", workdir / f"dev-cache-{n}"
    for i in range(runs):
        shutil.rmtree(dev_cache, ignore_errors=True)
        shutil.rmtree(dev_out, ignore_errors=True)
        m.dev_cold.append(make_html(project, dev_out, dev_cache, env, "pelicanconf.py"))
        print(
            f"  N={n} make html (development settings) cold {i + 1}: {m.dev_cold[-1].seconds:.2f} s",
            flush=True,
        )
    for i in range(runs):
        stamps = share_image_stamps(dev_cache)
        m.unchanged.append(make_html(project, dev_out, dev_cache, env, "pelicanconf.py"))
        after = share_image_stamps(dev_cache)
        m.unchanged_drew_images += sum(1 for k, v in after.items() if stamps.get(k) != v)
        print(f"  N={n} unchanged rebuild {i + 1}: {m.unchanged[-1].seconds:.2f} s", flush=True)
    for i in range(runs):
        edit_one_brief(project, n // 2 + i)
        m.edit_one.append(make_html(project, dev_out, dev_cache, env, "pelicanconf.py"))
        print(f"  N={n} edit-one rebuild {i + 1}: {m.edit_one[-1].seconds:.2f} s", flush=True)

    # The same for plain Pelican, for scale: fill its cache once, then edit one brief per run.
    plain_cache = workdir / f"plain-cache-{n}"
    plain_build = pelican(plain, plain_out, "bench/plainconf.py", *cache_args(plain_cache))
    timed(plain_build, env)
    for i in range(runs):
        edit_one_brief(plain, n // 2 + i)
        m.plain_edit_one.append(timed(plain_build, env))
        print(f"  N={n} plain edit-one rebuild {i + 1}: {m.plain_edit_one[-1].seconds:.2f} s", flush=True)

    brief_pages = sorted((project_out / "briefs").glob("*/index.html"))
    page_weight(project_out, brief_pages[0], m)
    if preview_edits:
        m.preview = preview_times(project, workdir / f"preview-{n}", preview_edits, env)
    return m


def machine() -> str:
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB memory"
    return f"{os.cpu_count()} cores{mem}, {platform.machine()}, Python {platform.python_version()}, {platform.platform()}"


def missed_budgets(results: list[Measurement]) -> list[str]:
    """Each budget of issue #12 that `results` miss, said with the figure and the budget."""
    largest = max(results, key=lambda m: m.n)
    missed = []
    for m in results:
        if m.ratio > BUDGET_BUILD_RATIO:
            missed.append(
                f"cold make html is {m.ratio:.2f}x plain Pelican at N={m.n} (budget {BUDGET_BUILD_RATIO}x)"
            )
        unchanged_ratio = m.unchanged_median / m.dev_median
        if unchanged_ratio > BUDGET_UNCHANGED_RATIO:
            missed.append(
                f"unchanged rebuild is {unchanged_ratio:.2f}x the cold build at N={m.n} "
                f"(budget {BUDGET_UNCHANGED_RATIO}x)"
            )
        if m.preview and m.n <= 1000 and m.preview_median > BUDGET_PREVIEW_SECONDS:
            missed.append(
                f"devserver shows a saved brief after {m.preview_median:.2f} s at N={m.n} "
                f"(budget {BUDGET_PREVIEW_SECONDS} s)"
            )
        if m.n >= LARGE_N and m.project_median > BUDGET_LARGE_COLD_SECONDS:
            missed.append(
                f"cold make html takes {m.project_median:.1f} s at N={m.n} (budget {BUDGET_LARGE_COLD_SECONDS:.0f} s)"
            )
    for m in results:
        edit_ratio = m.edit_median / m.dev_median
        if edit_ratio > BUDGET_EDIT_RATIO:
            missed.append(
                f"edit-one rebuild is {edit_ratio:.2f}x the cold build at N={m.n} (budget {BUDGET_EDIT_RATIO}x)"
            )
        if m.unchanged_drew_images:
            missed.append(
                f"unchanged rebuilds drew {m.unchanged_drew_images} share images at N={m.n} (budget 0)"
            )
        if m.peak_rss > rss_budget_mb(m.n):
            missed.append(f"peak memory {m.peak_rss:.0f} MB at N={m.n} (budget {rss_budget_mb(m.n)} MB)")
    if largest.page_gzip > BUDGET_PAGE_GZIP_KB * 1024:
        missed.append(
            f"brief page weighs {largest.page_gzip / 1024:.1f} KB gzipped (budget {BUDGET_PAGE_GZIP_KB} KB)"
        )
    if largest.blocking_scripts:
        missed.append(f"brief page loads {largest.blocking_scripts} render-blocking scripts (budget 0)")
    return missed


def results_table(results: list[Measurement], missed: list[str]) -> str:
    """The Markdown block `make bench` writes into bench/results.md: the table, the page weight, the budgets."""
    largest = max(results, key=lambda m: m.n)
    lines = [
        "| N | project cold make html (s) | plain Pelican cold (s) | ratio | make html cold, development settings (s) | "
        "project edit-one rebuild (s) | edit / cold | "
        "plain edit-one rebuild (s) | plain edit / cold | unchanged rebuild (s) | images drawn on unchanged | "
        "peak RSS (MB) | devserver save to page (s) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        lines.append(
            f"| {m.n} | {m.project_median:.2f} | {m.plain_median:.2f} | {m.ratio:.2f}x | {m.dev_median:.2f} | "
            f"{m.edit_median:.2f} | {m.edit_median / m.dev_median:.2f} | {m.plain_edit_median:.2f} | "
            f"{m.plain_edit_median / m.plain_median:.2f} | {m.unchanged_median:.2f} | {m.unchanged_drew_images} | "
            f"{m.peak_rss:.0f} | {m.preview_median:.2f} |"
        )
    lines += [
        "",
        f"Brief page weight (N={largest.n}): {largest.page_raw / 1024:.1f} KB raw, "
        f"{largest.page_gzip / 1024:.1f} KB gzipped ({', '.join(largest.page_parts)}); "
        f"render-blocking scripts: {largest.blocking_scripts}.",
        "",
        "Budgets: " + ("all held." if not missed else "MISSED: " + "; ".join(missed)),
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the build against plain Pelican.")
    parser.add_argument("--sizes", type=int, nargs="*", default=[300, 1000])
    parser.add_argument(
        "--preview-edits", type=int, default=3, help="saves timed in make devserver at the largest size"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="cold builds of each kind per size (median taken)"
    )
    parser.add_argument(
        "--pdf-sizes",
        type=int,
        nargs="*",
        default=[100, 1000],
        help="sizes for the PDF edition's part (none: skip it)",
    )
    parser.add_argument(
        "--pdf-primed-sizes",
        type=int,
        nargs="*",
        default=[],
        help="sizes measured with a primed PDF cache instead of a timed cold build with PDFs (bench/pdf.py)",
    )
    parser.add_argument(
        "--pdf-cold-runs", type=int, default=1, help="cold builds of each kind in the PDF part"
    )
    parser.add_argument(
        "--pdf-runs", type=int, default=3, help="unchanged rebuilds of each kind in the PDF part"
    )
    parser.add_argument("--keep", type=Path, help="keep corpora and outputs in this folder")
    parser.add_argument(
        "--no-write", action="store_true", help="print the table without updating bench/results.md"
    )
    args = parser.parse_args()

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="rc-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        largest = max(args.sizes, default=0)
        results = [
            measure(n, args.runs, workdir, args.preview_edits if n == largest else 0) for n in args.sizes
        ]
        pdf_results = [measure_pdf(n, args.pdf_cold_runs, args.pdf_runs, workdir) for n in args.pdf_sizes]
        pdf_results += [
            measure_pdf(n, args.pdf_cold_runs, args.pdf_runs, workdir, primed=True)
            for n in args.pdf_primed_sizes
        ]
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    missed = missed_budgets(results) if results else []
    table = results_table(results, missed) if results else ""
    if pdf_results:
        table += "\n\nPDF edition (bench/pdf.py, publish settings):\n\n" + "\n".join(pdf_table(pdf_results))
        missed += pdf_missed_budgets(pdf_results)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    block = f"## Latest run ({stamp})\n\nMachine: {machine()}\n\n{table}\n"
    print(block)
    if not args.no_write:
        update_results(block)
    return 1 if missed else 0


def update_results(block: str) -> None:
    """Replace the 'Latest run' section of bench/results.md, keeping the hand-written analysis around it."""
    marker_start, marker_end = "<!-- latest-run:start -->", "<!-- latest-run:end -->"
    text = (
        RESULTS.read_text(encoding="utf-8")
        if RESULTS.exists()
        else f"# Benchmark results\n\n{marker_start}\n{marker_end}\n"
    )
    head, _, rest = text.partition(marker_start)
    _, _, tail = rest.partition(marker_end)
    RESULTS.write_text(f"{head}{marker_start}\n{block}{marker_end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
