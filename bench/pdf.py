"""`make bench`, the PDF edition's part: what drawing every brief's PDF costs, cold and unchanged.

For each size N, on the synthetic corpus (bench/corpus.py), with the publish settings:
  1. the median time WeasyPrint takes to draw one brief's PDF, wall and processor time (drawn one after another
     in one process, on a sample of PDF_SAMPLE briefs, timing only the drawing);
  2. a cold build (no output, no cache) with PDFs and without them (PDF_EDITION=false), alternating (one
     of each by default: drawing every PDF takes minutes);
  3. a rebuild with nothing changed, with PDFs and without them, alternating, on the caches the cold builds left;
     whether it drew any PDF (the cache's files and their modification times), and its wall and processor time
     (its own and its children's, from wait4) as a ratio to the rebuild without PDFs. The budget is held on
     processor time: on a shared machine, wall time measures the neighbours as much as the build.
Budget: an unchanged rebuild draws no PDF and takes at most BUDGET_UNCHANGED_RATIO of the one without PDFs.

Where drawing every PDF takes too long on the machine at hand, a size can be measured "primed" (--pdf-primed-sizes):
the cold build with PDFs is not timed; instead one build fills the cache with the first brief's real PDF standing in
for every brief's (same size, same files, same places), so the unchanged rebuilds run the real code on a full cache.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .child import ROOT, Run, cache_args, timed
from .corpus import write_corpus

BUDGET_UNCHANGED_RATIO = 1.10
PDF_SAMPLE = 12


@dataclass
class PdfMeasurement:
    n: int
    per_pdf: list[float] = field(default_factory=list)  # wall time of each drawing
    per_pdf_cpu: list[float] = field(default_factory=list)  # processor time of each drawing
    cold_with: list[float] = field(default_factory=list)
    cold_without: list[float] = field(default_factory=list)
    unchanged_with: list[Run] = field(default_factory=list)
    unchanged_without: list[Run] = field(default_factory=list)
    unchanged_drew: int = 0
    primed: bool = False  # the cache was filled with a stand-in PDF; the cold build with PDFs was not timed
    pdfs: int = 0
    pdf_kb_median: float = 0.0

    @property
    def unchanged_ratio(self) -> float:
        """Processor time of the unchanged rebuild with PDFs over the one without (medians): the work each does,
        which, unlike wall time, the other processes of a shared machine hardly change."""
        return _median_cpu(self.unchanged_with) / _median_cpu(self.unchanged_without)

    @property
    def unchanged_wall_ratio(self) -> float:
        return _median_wall(self.unchanged_with) / _median_wall(self.unchanged_without)


def _median_cpu(builds: list[Run]) -> float:
    return statistics.median(b.cpu_seconds for b in builds)


def _median_wall(builds: list[Run]) -> float:
    return statistics.median(b.seconds for b in builds)


def _build(content: Path, output: Path, cache: Path, pdf: bool, env: dict[str, str]) -> Run:
    """One Pelican build with the publish settings, content cache on, PDFs on or off."""
    return timed(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", "publishconf.py",
         "--fatal", "errors", *cache_args(cache, pdf=pdf)],
        env,
    )  # fmt: skip


def pdf_stamps(cache: Path) -> dict[str, int]:
    """The drawn PDFs in a build's cache (plugins/pdf_edition), with their modification times."""
    folder = cache / "pdf_edition"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")} if folder.exists() else {}


def _build_here(content: Path, output: Path, cache: Path) -> None:
    """A build with PDFs in this process (every PDF drawn here), the content cache on, as a cold build fills it."""
    from pelican import Pelican
    from pelican.settings import read_settings

    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "PDF_EDITION": True,
    }
    override |= {"PDF_EDITION_WORKERS": 0, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    Pelican(read_settings(str(ROOT / "publishconf.py"), override=override)).run()


def time_drawings(content: Path, output: Path, cache: Path) -> list[list[float]]:
    """Build `content` in this process with every PDF drawn here, one after another; each drawing's wall time
    and processor time."""
    from reality_check.plugins.pdf_edition import drawing

    times: list[list[float]] = []
    draw = drawing.draw_pdf

    def timed_draw(*args, **kwargs):
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            return draw(*args, **kwargs)
        finally:
            times.append([time.perf_counter() - start, time.process_time() - start_cpu])

    drawing.draw_pdf = timed_draw  # draw_into_cache looks it up at call time
    _build_here(content, output, cache)
    return times


def prime_cache(content: Path, output: Path, cache: Path) -> int:
    """Fill the cache as a cold build with PDFs would, drawing only the first PDF and filing its bytes under every
    brief's key; the number of PDFs filed."""
    from reality_check.plugins.pdf_edition import drawing

    draw = drawing.draw_pdf
    first: list = []

    def draw_once(*args, **kwargs):
        if not first:
            first.append(draw(*args, **kwargs))
        return first[0]

    drawing.draw_pdf = draw_once
    _build_here(content, output, cache)
    return len(list((cache / "pdf_edition").glob("*.pdf")))


def _run_here(mode: str, content: Path, output: Path, cache: Path, env: dict[str, str]) -> str:
    """Run this module's `mode` (timing or priming) in a fresh process; the last line it prints."""
    command = [sys.executable, "-m", "reality_check.bench.pdf", mode, str(content), str(output), str(cache)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write((result.stdout + result.stderr)[-4000:])
        raise SystemExit(f"{' '.join(command)} failed")
    return result.stdout.strip().splitlines()[-1]


def measure_pdf(n: int, cold_runs: int, runs: int, workdir: Path, primed: bool = False) -> PdfMeasurement:
    m = PdfMeasurement(n, primed=primed)
    env = {**os.environ, "SITEURL": "https://bench.example.org"}

    sample, _ = write_corpus(min(n, PDF_SAMPLE), workdir / f"pdf-sample-{n}")
    line = _run_here(
        "--time", sample, workdir / f"pdf-sample-out-{n}", workdir / f"pdf-sample-cache-{n}", env
    )
    m.per_pdf, m.per_pdf_cpu = (list(column) for column in zip(*json.loads(line), strict=True))
    print(
        f"  N={n} median time per PDF: {statistics.median(m.per_pdf):.3f} s, "
        f"{statistics.median(m.per_pdf_cpu):.3f} s of processor time ({len(m.per_pdf)} drawn)",
        flush=True,
    )

    project, _ = write_corpus(n, workdir / f"pdf-corpus-{n}")
    caches = {True: workdir / f"pdf-cache-{n}", False: workdir / f"nopdf-cache-{n}"}
    outputs = {True: workdir / f"pdf-out-{n}", False: workdir / f"nopdf-out-{n}"}
    if primed:
        filed = _run_here("--prime", project, outputs[True], caches[True], env)
        print(f"  N={n} cache primed with {filed} stand-in PDFs (cold build with PDFs not timed)", flush=True)
    for i in range(cold_runs):
        for pdf in (True, False) if i % 2 == 0 else (False, True):
            if pdf and primed:
                continue
            shutil.rmtree(caches[pdf], ignore_errors=True)
            shutil.rmtree(outputs[pdf], ignore_errors=True)
            seconds = _build(project, outputs[pdf], caches[pdf], pdf, env).seconds
            (m.cold_with if pdf else m.cold_without).append(seconds)
            print(
                f"  N={n} cold build {'with' if pdf else 'without'} PDFs {i + 1}: {seconds:.2f} s", flush=True
            )
    for i in range(runs):
        for pdf in (True, False) if i % 2 == 0 else (False, True):
            before = pdf_stamps(caches[pdf])
            build = _build(project, outputs[pdf], caches[pdf], pdf, env)
            after = pdf_stamps(caches[pdf])
            if pdf:
                m.unchanged_drew += sum(1 for name, stamp in after.items() if before.get(name) != stamp)
            (m.unchanged_with if pdf else m.unchanged_without).append(build)
            print(
                f"  N={n} unchanged rebuild {'with' if pdf else 'without'} PDFs {i + 1}: {build.seconds:.2f} s "
                f"({build.cpu_seconds:.2f} s of processor time)",
                flush=True,
            )
    sizes = [p.stat().st_size for p in outputs[True].glob("briefs/*/*.pdf")]
    m.pdfs = len(sizes)
    m.pdf_kb_median = statistics.median(sizes) / 1000 if sizes else 0.0
    return m


def pdf_missed_budgets(results: list[PdfMeasurement]) -> list[str]:
    """Each budget of the PDF edition that `results` miss: no PDF drawn again, and little time added, when
    nothing changed."""
    missed = []
    for m in results:
        if m.unchanged_drew:
            missed.append(f"unchanged rebuilds drew {m.unchanged_drew} PDFs at N={m.n} (budget 0)")
        if m.unchanged_ratio > BUDGET_UNCHANGED_RATIO:
            missed.append(
                f"unchanged rebuild with PDFs takes {m.unchanged_ratio:.2f}x the processor time of the one without "
                f"at N={m.n} "
                f"(budget {BUDGET_UNCHANGED_RATIO}x)"
            )
    return missed


def pdf_table(results: list[PdfMeasurement]) -> list[str]:
    """The PDF table's lines, for bench/results.md."""
    lines = [
        "| N | median time per PDF: wall, processor (s) | cold build with PDFs (s) | cold build without (s) | PDFs written | "
        "median PDF size (KB) | unchanged rebuild with PDFs: wall, processor (s) | unchanged without: wall, "
        "processor (s) | with / without: wall, processor | PDFs drawn on unchanged |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        cold_with = "not timed (cache primed)" if m.primed else f"{statistics.median(m.cold_with):.2f}"
        lines.append(
            f"| {m.n} | {statistics.median(m.per_pdf):.3f}, {statistics.median(m.per_pdf_cpu):.3f} | {cold_with} | "
            f"{statistics.median(m.cold_without):.2f} | {m.pdfs} | {m.pdf_kb_median:.0f} | "
            f"{_median_wall(m.unchanged_with):.2f}, {_median_cpu(m.unchanged_with):.2f} | "
            f"{_median_wall(m.unchanged_without):.2f}, {_median_cpu(m.unchanged_without):.2f} | "
            f"{m.unchanged_wall_ratio:.2f}x, {m.unchanged_ratio:.2f}x | {m.unchanged_drew} |"
        )
    return lines


if __name__ == "__main__":
    # python -m reality_check.bench.pdf --time CONTENT OUTPUT CACHE: each PDF drawing's time in one build (JSON, last line);
    # python -m reality_check.bench.pdf --prime CONTENT OUTPUT CACHE: fill the cache with a stand-in PDF (the count, last line).
    mode = sys.argv[1]
    content, output, cache = map(Path, sys.argv[2:5])
    print(
        json.dumps(
            time_drawings(content, output, cache) if mode == "--time" else prime_cache(content, output, cache)
        )
    )
