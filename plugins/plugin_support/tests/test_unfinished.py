from reality_check.plugins.plugin_support.unfinished import Unfinished


class Run:
    def __init__(self, build: str) -> None:
        self.build = build
        self.abandoned = False


def abandon(run: Run) -> None:
    run.abandoned = True


def test_work_a_build_finishes_is_handed_to_it_and_no_longer_listed():
    unfinished = Unfinished(abandon)
    first, second = unfinished.track(Run("first")), unfinished.track(Run("second"))
    assert unfinished.get(lambda run: run.build == "second") is second
    assert second in unfinished  # still listed: get only looks
    assert unfinished.take(lambda run: run.build == "second") is second
    assert second not in unfinished
    assert first in unfinished
    assert unfinished.take(lambda run: run.build == "second") is None  # taken once only
    assert not second.abandoned
    assert len(unfinished) == 1


def test_work_a_failed_build_left_is_abandoned_by_the_next_and_only_the_work_picked():
    unfinished = Unfinished(abandon)
    left, other = unfinished.track(Run("share_image")), unfinished.track(Run("pdf_edition"))
    assert unfinished.abandon(lambda run: run.build == "share_image") == 1
    assert left.abandoned
    assert left not in unfinished
    assert not other.abandoned
    assert other in unfinished
    assert unfinished.abandon() == 1
    assert other.abandoned
    assert len(unfinished) == 0
    assert unfinished.abandon() == 0


def test_listing_compares_identity_so_equal_work_of_two_builds_stays_apart():
    unfinished: Unfinished[list[str]] = Unfinished()  # nothing to do to abandon a plain value
    earlier, later = ["same"], ["same"]
    unfinished.track(earlier)
    assert later not in unfinished
    assert earlier in unfinished
    unfinished.track(later)
    assert unfinished.take(lambda work: work is later) is later
    assert later not in unfinished
    assert earlier in unfinished  # the equal one, listed first, is not the one taken
    assert unfinished.abandon(lambda work: work is earlier) == 1
    assert len(unfinished) == 0
