"""Level 1: the PDF part of `make bench` reports its table and holds its budget (no build run here)."""

from __future__ import annotations

from reality_check.bench.child import Run
from reality_check.bench.pdf import PdfMeasurement, pdf_missed_budgets, pdf_table


def builds(*cpu: float) -> list[Run]:
    return [Run(seconds=c * 1.5, max_rss_mb=100.0, cpu_seconds=c) for c in cpu]


def measurement(**values) -> PdfMeasurement:
    base = {
        "n": 100,
        "per_pdf": [1.2, 1.3, 1.4],
        "per_pdf_cpu": [0.7, 0.8, 0.9],
        "cold_with": [200.0],
        "cold_without": [7.0],
        "unchanged_with": builds(8.4, 8.5, 8.9),
        "unchanged_without": builds(8.2, 8.3, 8.4),
        "pdfs": 100,
        "pdf_kb_median": 41.0,
    }
    return PdfMeasurement(**{**base, **values})


def test_table_row_and_no_budget_missed():
    lines = pdf_table([measurement()])
    assert (
        lines[2]
        == "| 100 | 1.300, 0.800 | 200.00 | 7.00 | 100 | 41 | 12.75, 8.50 | 12.45, 8.30 | 1.02x, 1.02x | 0 |"
    )
    assert pdf_missed_budgets([measurement()]) == []


def test_drawing_on_an_unchanged_rebuild_or_a_slow_one_misses_the_budget():
    missed = pdf_missed_budgets([measurement(unchanged_drew=2, unchanged_with=builds(9.5, 9.6, 9.7))])
    assert missed == [
        "unchanged rebuilds drew 2 PDFs at N=100 (budget 0)",
        "unchanged rebuild with PDFs takes 1.16x the processor time of the one without at N=100 (budget 1.1x)",
    ]


def test_a_primed_size_says_its_cold_build_was_not_timed():
    lines = pdf_table([measurement(n=1000, primed=True, cold_with=[])])
    assert "| 1000 | 1.300, 0.800 | not timed (cache primed) | 7.00 |" in lines[2]
