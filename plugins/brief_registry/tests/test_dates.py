"""Level 1: a date as editors write it, and the one way a tool says a value is not one."""

import datetime

import pytest

from reality_check.plugins.brief_registry.dates import DateError, brief_date, not_a_date, read_date

JANUARY_12 = datetime.date(2022, 1, 12)


@pytest.mark.parametrize(
    "text",
    [
        "2022-01-12",
        "12 January 2022",
        "12 Jan 2022",
        "12 Jan. 2022",
        "12 january 2022",
        "January 12, 2022",
        "Jan 12, 2022",
        "Jan. 12, 2022",
        "January 12 2022",
        " 12  January\t2022 ",
    ],
)
def test_a_typed_date_is_read_day_first_month_first_or_year_first(text):
    """`make import` refused a draft dated 'Reality Check 12 January 2022': only the US order was read."""
    assert read_date(text) == JANUARY_12


def test_the_month_names_are_english_whatever_the_locale_and_september_is_sept_too():
    assert read_date("5 Sept 2021") == read_date("Sep 5, 2021") == datetime.date(2021, 9, 5)


@pytest.mark.parametrize(
    "text",
    [
        "2021-02-30",
        "30 February 2021",
        "February 30, 2021",
        "early March",
        "",
        "20210305",
        "2021-W10-5",
        "2021-064",
        "2021-03-05T09",
        "2021-3-5",
        "12 Janvier 2022",
        "13/13/2022",
        "Monday 12 January 2022",
    ],
)
def test_anything_else_is_not_a_date_and_the_message_lists_the_forms(text):
    """Python's fromisoformat also reads a date written without dashes, as a week or as a day of the year: only
    the forms editors are told of are read."""
    with pytest.raises(DateError) as refused:
        read_date(text, "DATE")
    assert str(refused.value) == (
        f"DATE must be a real date, written such as '5 March 2021', 'March 5, 2021' or '2021-03-05' (got {text!r})"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("03/04/2022", "gives the month as a number, so it could be 3 April 2022 or 4 March 2022"),
        ("3.4.2022", "gives the month as a number, so it could be 3 April 2022 or 4 March 2022"),
        ("03-04-2022", "gives the month as a number, so it could be 3 April 2022 or 4 March 2022"),
        (
            "13/04/2022",
            "gives the month as a number, read day first in some countries and month first in others",
        ),
        (
            "04/04/2022",
            "gives the month as a number, read day first in some countries and month first in others",
        ),
    ],
)
def test_a_date_all_in_numbers_is_refused_saying_to_write_the_month_in_words(text, message):
    with pytest.raises(DateError) as refused:
        read_date(text, "DATE")
    said = str(refused.value)
    assert said.startswith(f"DATE {text!r} {message}: write the month in words, such as '"), said
    first, _, second = text.replace(".", "/").replace("-", "/").partition("/")
    suggested = read_date(said.rsplit("such as ", 1)[1].strip("'"))  # the suggestion is a date the tools read
    assert (suggested.day, suggested.month) == (int(first), int(second.partition("/")[0]))


def test_the_message_names_the_field_the_form_and_what_was_written():
    assert not_a_date("since", "last month") == (
        "since must be a real date written YYYY-MM-DD, such as 2021-03-05 (got 'last month')"
    )


@pytest.mark.parametrize(
    ("got", "said"),
    [
        ("7 January 2030", "(got '7 January 2030'): write 2030-01-07"),
        ("January 7, 2030", "(got 'January 7, 2030'): write 2030-01-07"),
        ("2030-1-7", "(got '2030-1-7'): write 2030-01-07"),
        ("2030/01/07", "(got '2030/01/07'): write 2030-01-07"),
        ("13/05/2030", "(got '13/05/2030'): write 2030-05-13"),  # no 13th month: one reading
        (
            "03/05/2030",
            "(got '03/05/2030', which is 3 May 2030 or 5 March 2030): write 2030-05-03 or 2030-03-05, whichever it is",
        ),
    ],
)
def test_a_day_written_another_way_is_said_as_yyyy_mm_dd(got, said):
    """It said "such as 2021-03-05" whatever the editor wrote: the day they meant, written right, is the fix."""
    assert not_a_date("date", got) == f"date must be a real date written YYYY-MM-DD {said}"


@pytest.mark.parametrize(
    ("got", "said"),
    [("2030-02-30", "'2030-02-30'"), ("TBD", "'TBD'"), (5, "5"), (True, "true"), (["2030-01-07"], "a list")],
)
def test_what_is_no_day_gets_the_example_and_the_value_in_yamls_words(got, said):
    """'(got True)', '(got ['2030-01-07'])': Python's words for what the editor wrote as 'true' or a list."""
    assert not_a_date("date", got).endswith(f"such as 2021-03-05 (got {said})")


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
    "value",
    [
        None,
        "",
        "early March",
        "2021-02-30",
        20210305,
        True,
        "20210305",
        "2021-W10-5",
        "2021-064",
        "5 March 2021",
    ],
)
def test_a_briefs_date_that_names_no_day_is_none(value):
    """The front matter keeps the one form Pelican reads: a typed date's other forms are not a brief's date."""
    assert brief_date(value) is None
