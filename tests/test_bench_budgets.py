"""Level 1: `make bench` holds each size to issue 12's budgets for that size (no build run here)."""

from __future__ import annotations

import dataclasses

from reality_check.bench.run import Measurement, Run, missed_budgets, results_table


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
    missed = missed_budgets([measured(1000, project=7.0, plain=8.0, peak=390.0, preview=0.2)])
    assert missed == []
    missed = missed_budgets([measured(1000, project=7.0, plain=8.0, peak=410.0, preview=0.2)])
    assert missed == ["peak memory 410 MB at N=1000 (budget 400 MB)"]
    missed = missed_budgets([measured(1000, project=7.0, plain=8.0, peak=390.0, preview=1.2)])
    assert missed == ["devserver shows a saved brief after 1.20 s at N=1000 (budget 1.0 s)"]
    # At 10,000 briefs: 1.5 GB and 60 s; the save-to-page budget is set at 1000 (a time there is a figure).
    missed = missed_budgets([measured(10_000, project=59.0, plain=90.0, peak=1400.0, preview=34.6)])
    assert missed == []
    missed = missed_budgets([measured(10_000, project=197.0, plain=90.7, peak=2842.0, preview=34.6)])
    assert missed == [
        "cold make html is 2.17x plain Pelican at N=10000 (budget 1.0x)",
        "cold make html takes 197.0 s at N=10000 (budget 60 s)",
        "peak memory 2842 MB at N=10000 (budget 1500 MB)",
    ]
    # Each size is held to its own memory budget, not only the largest.
    missed = missed_budgets(
        [
            measured(1000, project=7.0, plain=8.0, peak=900.0, preview=0.2),
            measured(10_000, project=59.0, plain=90.0, peak=1400.0, preview=0.2),
        ]
    )
    assert missed == ["peak memory 900 MB at N=1000 (budget 400 MB)"]


def test_every_size_is_held_to_the_rebuild_budgets_not_only_the_largest():
    small = measured(300, project=2.0, plain=2.5, peak=120.0, preview=0.1)
    small = dataclasses.replace(small, edit_one=[Run(0.86, 120.0)], unchanged=[Run(0.6, 120.0)])
    large = measured(1000, project=7.0, plain=8.0, peak=290.0, preview=0.1)
    missed = missed_budgets([small, large])
    assert missed == [
        "unchanged rebuild is 0.30x the cold build at N=300 (budget 0.25x)",
        "edit-one rebuild is 0.43x the cold build at N=300 (budget 0.35x)",
    ]


def test_the_preview_timing_waits_for_the_rebuild_after_its_own_save():
    from reality_check.bench.run import rebuilt_since_saved

    log = (
        "Done: Processed 10 articles\nPreview at http://127.0.0.1:1/\n"
        "-> Saved: project/briefs/synthetic-00003.md. Rebuilding...\n"
    )
    assert not rebuilt_since_saved(log, "synthetic-00003.md")
    log += "Done: Processed 10 articles\n"
    assert rebuilt_since_saved(log, "synthetic-00003.md")
    # Two saves rebuilt together: one "Done" answers both.
    log += "-> Saved: project/briefs/synthetic-00010.md, project/briefs/synthetic-00017.md. Rebuilding...\n"
    assert not rebuilt_since_saved(log, "synthetic-00010.md")
    log += "Done: Processed 10 articles\n"
    assert rebuilt_since_saved(log, "synthetic-00010.md")
    assert rebuilt_since_saved(log, "synthetic-00017.md")
    assert not rebuilt_since_saved(log, "synthetic-00001.md")  # never saved


def test_the_table_ends_with_the_budgets_missed():
    results = [measured(1000, project=7.0, plain=8.0, peak=410.0, preview=0.2)]
    table = results_table(results, missed_budgets(results)).splitlines()
    assert table[2].startswith("| 1000 | 7.00 | 8.00 | 0.88x | 7.00 | 2.10 | 0.30 |")
    assert table[-1] == "Budgets: MISSED: peak memory 410 MB at N=1000 (budget 400 MB)"
    assert results_table(results, [])[-len("Budgets: all held.") :] == "Budgets: all held."
