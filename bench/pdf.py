"""`make bench`, the PDF edition's part: what drawing every brief's PDF costs, cold and unchanged.

For each size N, on the synthetic corpus (bench/corpus.py), with the publish settings:
  1. the median time WeasyPrint takes to draw one brief's PDF (drawn one after another in one process,
     on a sample of PDF_SAMPLE briefs, timing only the drawing);
  2. a cold build (no output, no cache) with PDFs and without them (PDF_EDITION=false), alternating (one
     of each by default: drawing every PDF takes minutes);
  3. a rebuild with nothing changed, with PDFs and without them, alternating, on the caches the cold builds left;
     whether it drew any PDF (the cache's files and their modification times), and its time as a ratio to the
     rebuild without PDFs.
Budget: an unchanged rebuild draws no PDF and takes at most BUDGET_UNCHANGED_RATIO of the one without PDFs.
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

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent

BUDGET_UNCHANGED_RATIO = 1.10
PDF_SAMPLE = 12


@dataclass
class PdfMeasurement:
    n: int
    per_pdf: list[float] = field(default_factory=list)
    cold_with: list[float] = field(default_factory=list)
    cold_without: list[float] = field(default_factory=list)
    unchanged_with: list[float] = field(default_factory=list)
    unchanged_without: list[float] = field(default_factory=list)
    unchanged_drew: int = 0
    pdfs: int = 0
    pdf_kb_median: float = 0.0

    @property
    def unchanged_ratio(self) -> float:
        return statistics.median(self.unchanged_with) / statistics.median(self.unchanged_without)


def _build(content: Path, output: Path, cache: Path, pdf: bool, env: dict[str, str]) -> float:
    """One Pelican build with the publish settings, content cache on, PDFs on or off; its wall time."""
    overrides = ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{cache}"']
    overrides.append(f"PDF_EDITION={'true' if pdf else 'false'}")  # one -e: Pelican keeps only the last
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", "publishconf.py"]
    start = time.perf_counter()
    result = subprocess.run(
        [*cmd, "--fatal", "errors", "-e", *overrides], cwd=ROOT, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write((result.stdout + result.stderr)[-4000:])
        raise SystemExit(f"build failed ({result.returncode}): {' '.join(cmd)}")
    return seconds


def pdf_stamps(cache: Path) -> dict[str, int]:
    """The drawn PDFs in a build's cache (plugins/pdf_edition), with their modification times."""
    folder = cache / "pdf_edition"
    return {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pdf")} if folder.exists() else {}


def time_drawings(content: Path, output: Path, cache: Path) -> list[float]:
    """Build `content` in this process with every PDF drawn here, one after another; each drawing's time."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from pdf_edition import drawing

    times: list[float] = []
    draw = drawing.draw_pdf

    def timed_draw(*args, **kwargs):
        start = time.perf_counter()
        try:
            return draw(*args, **kwargs)
        finally:
            times.append(time.perf_counter() - start)

    drawing.draw_pdf = timed_draw  # draw_into_cache looks it up at call time
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(cache),
            "PDF_EDITION": True,
            "PDF_EDITION_WORKERS": 0,
        },
    )
    Pelican(settings).run()
    return times


def measure_pdf(n: int, cold_runs: int, runs: int, workdir: Path) -> PdfMeasurement:
    m = PdfMeasurement(n)
    env = {**os.environ, "SITEURL": "https://bench.example.org"}

    sample, _ = write_corpus(min(n, PDF_SAMPLE), workdir / f"pdf-sample-{n}")
    timing = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.pdf",
            str(sample),
            str(workdir / f"pdf-sample-out-{n}"),
            str(workdir / f"pdf-sample-cache-{n}"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if timing.returncode != 0:
        sys.stderr.write((timing.stdout + timing.stderr)[-4000:])
        raise SystemExit("timing the PDF drawings failed")
    m.per_pdf = json.loads(timing.stdout.strip().splitlines()[-1])
    print(
        f"  N={n} median time per PDF: {statistics.median(m.per_pdf):.3f} s ({len(m.per_pdf)} drawn)",
        flush=True,
    )

    project, _ = write_corpus(n, workdir / f"pdf-corpus-{n}")
    caches = {True: workdir / f"pdf-cache-{n}", False: workdir / f"nopdf-cache-{n}"}
    outputs = {True: workdir / f"pdf-out-{n}", False: workdir / f"nopdf-out-{n}"}
    for i in range(cold_runs):
        for pdf in (True, False) if i % 2 == 0 else (False, True):
            shutil.rmtree(caches[pdf], ignore_errors=True)
            shutil.rmtree(outputs[pdf], ignore_errors=True)
            seconds = _build(project, outputs[pdf], caches[pdf], pdf, env)
            (m.cold_with if pdf else m.cold_without).append(seconds)
            print(
                f"  N={n} cold build {'with' if pdf else 'without'} PDFs {i + 1}: {seconds:.2f} s", flush=True
            )
    for i in range(runs):
        for pdf in (True, False) if i % 2 == 0 else (False, True):
            before = pdf_stamps(caches[pdf])
            seconds = _build(project, outputs[pdf], caches[pdf], pdf, env)
            after = pdf_stamps(caches[pdf])
            if pdf:
                m.unchanged_drew += sum(1 for name, stamp in after.items() if before.get(name) != stamp)
            (m.unchanged_with if pdf else m.unchanged_without).append(seconds)
            print(
                f"  N={n} unchanged rebuild {'with' if pdf else 'without'} PDFs {i + 1}: {seconds:.2f} s",
                flush=True,
            )
    sizes = [p.stat().st_size for p in outputs[True].glob("briefs/*/*.pdf")]
    m.pdfs = len(sizes)
    m.pdf_kb_median = statistics.median(sizes) / 1000 if sizes else 0.0
    return m


def report_pdf(results: list[PdfMeasurement]) -> tuple[list[str], list[str]]:
    """The PDF table's lines, and the budgets missed."""
    missed = []
    lines = [
        "| N | median time per PDF (s) | cold build with PDFs (s) | cold build without (s) | PDFs written | "
        "median PDF size (KB) | unchanged rebuild with PDFs (s) | unchanged without (s) | with / without | "
        "PDFs drawn on unchanged |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        lines.append(
            f"| {m.n} | {statistics.median(m.per_pdf):.3f} | {statistics.median(m.cold_with):.2f} | "
            f"{statistics.median(m.cold_without):.2f} | {m.pdfs} | {m.pdf_kb_median:.0f} | "
            f"{statistics.median(m.unchanged_with):.2f} | {statistics.median(m.unchanged_without):.2f} | "
            f"{m.unchanged_ratio:.2f}x | {m.unchanged_drew} |"
        )
        if m.unchanged_drew:
            missed.append(f"unchanged rebuilds drew {m.unchanged_drew} PDFs at N={m.n} (budget 0)")
        if m.unchanged_ratio > BUDGET_UNCHANGED_RATIO:
            missed.append(
                f"unchanged rebuild with PDFs is {m.unchanged_ratio:.2f}x the one without at N={m.n} "
                f"(budget {BUDGET_UNCHANGED_RATIO}x)"
            )
    return lines, missed


if __name__ == "__main__":
    # python -m bench.pdf CONTENT OUTPUT CACHE: time each PDF drawing of one in-process build (JSON, last line).
    content, output, cache = map(Path, sys.argv[1:4])
    print(json.dumps(time_drawings(content, output, cache)))
