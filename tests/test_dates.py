"""Dates (explainer/dates.py): as readers read them, and as articles write them, from the
readable case file tests/cases/dates.txt."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.dates import date_mentions, display_date

CASES = Path(__file__).parent / "cases" / "dates.txt"


def load_cases():
    cases = []
    for number, line in enumerate(CASES.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expected = (part.strip() for part in line.split("|"))
        mentions = [] if expected == "-" else [m.strip() for m in expected.split(" ; ")]
        cases.append(pytest.param(None if published == "none" else published, text, mentions,
                                  id=f"dates.txt:{number}"))
    return cases


def shown(mention) -> str:
    if mention.date is None:
        return f"? <- {mention.phrase}"
    return f"{mention.date}{'~' if mention.resolved_from else ''} <- {mention.phrase}"


@pytest.mark.parametrize("published, text, expected", load_cases())
def test_date_case(published, text, expected):
    assert [shown(m) for m in date_mentions(text, published)] == expected


def test_an_unresolved_mention_says_why():
    [day, weekday] = date_mentions("on January 28, and on Thursday", None)
    assert day.problem == "no year, and no published date to take it from"
    assert weekday.problem == "no published date to count from"
    [weekday] = date_mentions("on Thursday", "2024-01")
    assert weekday.problem == "the published date 2024-01 has no day to count from"


@pytest.mark.parametrize("date, shown_as", [
    ("2016", "2016"), ("2021-10", "October 2021"), ("2019-07-12", "12 July 2019"),
    ("2024-01-05", "5 January 2024")])
def test_display_date(date, shown_as):
    assert display_date(date) == shown_as


def test_a_past_tense_verb_is_known_whatever_its_form():
    """A helper's: "Twenty thousand people died" had no tense ("died" is too short for the
    -ed rule) and nor did irregular pasts ("sank", "spread"); "need", "seed" and "shut" (an adjective as often: "stays shut") stay none."""
    from explainer.dates import is_past_tense

    assert all(map(is_past_tense, ["died", "reached", "sank", "spread", "heard", "fled"]))
    assert not any(map(is_past_tense, ["need", "seed", "red", "shut"]))
