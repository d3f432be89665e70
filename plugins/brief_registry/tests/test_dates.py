"""Level 1: a date as editors write it, and the one way a tool says a value is not one."""

import datetime

import pytest

from reality_check.plugins.brief_registry.dates import brief_date, not_a_date, read_date


def test_a_date_is_read_with_spaces_around_it():
    assert read_date(" 2021-03-05 ") == datetime.date(2021, 3, 5)


@pytest.mark.parametrize(
    "text",
    ["2021-02-30", "early March", "05/03/2021", "", "20210305", "2021-W10-5", "2021-064", "2021-03-05T09"],
)
def test_anything_else_is_not_a_date(text):
    """Python's fromisoformat also reads a date written without dashes, as a week or as a day of the year, which
    Pelican cannot read: the one form editors are asked for is the one accepted."""
    with pytest.raises(ValueError, match=r"out of range|not written YYYY-MM-DD"):
        read_date(text)


def test_the_message_names_the_field_the_form_and_what_was_written():
    assert not_a_date("since", "last month") == (
        "since must be a real date written YYYY-MM-DD, such as 2021-03-05 (got 'last month')"
    )


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2021, 3, 5),
        datetime.datetime(2021, 3, 5, 9, 30),
        "2021-03-05",  # quoted in the front matter: text, not a date, to YAML
        " 2021-03-05 09:30 ",
    ],
    ids=["date", "date and time", "quoted", "quoted with a time"],
)
def test_a_briefs_date_is_the_same_day_however_yaml_gave_it(value):
    assert brief_date(value) == datetime.date(2021, 3, 5)


@pytest.mark.parametrize(
    "value", [None, "", "early March", "2021-02-30", 20210305, True, "20210305", "2021-W10-5", "2021-064"]
)
def test_a_briefs_date_that_names_no_day_is_none(value):
    assert brief_date(value) is None
