"""Level 1: `make bench` holds each size to issue 12's budgets for that size (no build run here)."""

from __future__ import annotations

from bench.run import Measurement, Run, report


def measured(n: int, *, project: float, plain: float, peak: float, preview: float) -> Measurement:
    dev = Run(project, peak)
    return Measurement(
        n=n,
        project_cold=[Run(project, peak)],
        dev_cold=[dev],
        plain_cold=[Run(plain, 100.0)],
        edit_one=[Run(project * 0.3, 200.0)],
        unchanged=[Run(project * 0.02, 150.0)],
        plain_edit_one=[Run(plain * 0.3, 100.0)],
        preview=[preview],
        page_raw=30_000,
        page_gzip=9_000,
    )


def test_memory_and_time_budgets_follow_the_archive_size():
    _, missed = report([measured(1000, project=7.0, plain=8.0, peak=390.0, preview=0.2)])
    assert missed == []
    _, missed = report([measured(1000, project=7.0, plain=8.0, peak=410.0, preview=0.2)])
    assert missed == ["peak memory 410 MB at N=1000 (budget 400 MB)"]
    # At 10,000 briefs: 1.5 GB and 60 s; the save-to-page budget is set at 1000 and is said so.
    _, missed = report([measured(10_000, project=59.0, plain=90.0, peak=1400.0, preview=0.5)])
    assert missed == []
    _, missed = report([measured(10_000, project=197.0, plain=90.7, peak=2842.0, preview=34.6)])
    assert missed == [
        "cold make html is 2.17x plain Pelican at N=10000 (budget 1.0x)",
        "devserver shows a saved brief after 34.60 s at N=10000 (budget 1.0 s at N=1000)",
        "cold make html takes 197.0 s at N=10000 (budget 60 s)",
        "peak memory 2842 MB at N=10000 (budget 1500 MB)",
    ]
