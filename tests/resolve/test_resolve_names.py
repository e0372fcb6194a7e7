"""Mention cleaning, titles, organisation kinds and literal values (no model)."""

from __future__ import annotations

import pytest

from kg.resolve.names import (
    clean_mention,
    is_plausible_name,
    is_plausible_person,
    organization_type,
    strip_titles,
)
from kg.resolve.values import amount_value, date_value
from kg.types import Value


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("the Russian Foreign Ministry", "Russian Foreign Ministry"),
        ("Alexey Navalny\u2019s", "Alexey Navalny"),
        ("NATO\u2019s", "NATO"),
        ("the United States", "United States"),
        ("\u201cChina", "China"),
        ("[China]", "China"),
        ("\u203a Subscribe", "Subscribe"),
        ("Reuters.", "Reuters"),
        ("the Philippines'", "Philippines"),
        ("Moscow", "Moscow"),
    ],
)
def test_clean_mention(raw: str, clean: str) -> None:
    assert clean_mention(raw) == clean


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("President Vladimir Putin", "Vladimir Putin"),
        ("Mr Putin", "Putin"),
        ("Mr. Putin", "Putin"),
        ("Deputy Foreign Minister Sergey Ryabkov", "Sergey Ryabkov"),
        ("Russian presidential spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("presidential aide Yury Ushakov", "Yury Ushakov"),
        ("US President Joe Biden", "Joe Biden"),
        ("Russian blogger Alexey Navalny", "Alexey Navalny"),
        ("Prime Minister Tony Blair", "Tony Blair"),
        ("Pope Francis", "Pope Francis"),  # part of how he is named
        ("President", "President"),
    ],
)
def test_strip_titles(raw: str, name: str) -> None:
    assert strip_titles(raw) == name


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Putin", True), ("NATO", True), ("G7", True), ("Xi Jinping", True),
        ("n\u2019t", False), ("n't", False), ("he", False), ("They", False), ("We", False),
        ("President", False), ("Minister", False), ("Bishop", False), ("2060", False), ("", False),
        ("$", False), ("the blogger", False), ("x" * 100, False),
        ("Miami Vice. Scrubs", False), ("St. Louis", True), ("Time Inc. Magazine", True),
    ],
)
def test_is_plausible_name(text: str, ok: bool) -> None:
    assert is_plausible_name(text) is ok


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("Ludwig van Beethoven", True), ("Osama bin Laden", True), ("Prince of Wales", True),
        ("Jean-Marie Le Pen", True), ("Anthony became Lopez", False),
        ("Shakespearean performer", False), ("Blu-ray", False), ("Doc Martin and Life", False),
    ],
)
def test_is_plausible_person(name: str, ok: bool) -> None:
    assert is_plausible_person(name) is ok


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Russian Foreign Ministry", "GovernmentBody"),
        ("Russian prosecutor's office", "GovernmentBody"),
        ("German government", "GovernmentBody"),
        ("Sky News", "MediaOrganization"),
        ("Washington Post", "MediaOrganization"),
        ("Acme Corp", "Company"),
        ("Deutsche Bank", "Company"),
        ("Labour Party", "PoliticalParty"),
        ("Russian Armed Forces", "ArmedForce"),
        ("Ukrainian army", "ArmedForce"),
        ("International Energy Agency", "InternationalOrganization"),
        ("Charite", "Organization"),
    ],
)
def test_organization_type(name: str, cls: str) -> None:
    assert organization_type(name) == cls


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("August 20, 2020", Value("2020-08-20", "date")),
        ("on August 20, 2020", Value("2020-08-20", "date")),
        ("Tuesday, March 19, 2024", Value("2024-03-19", "date")),
        ("20 August 2020", Value("2020-08-20", "date")),
        ("2020-08-20", Value("2020-08-20", "date")),
        ("2060", Value("2060", "gYear")),
        ("by 2060", Value("2060", "gYear")),
        ("August 2020", Value("2020-08", "gYearMonth")),
        ("August 22", Value("August 22", None)),
        ("Thursday", Value("Thursday", None)),
        ("the 1990s", Value("1990s", None)),
        ("decades", Value("decades", None)),
    ],
)
def test_date_value(text: str, value: Value) -> None:
    assert date_value(text) == value


def test_amount_value() -> None:
    assert amount_value("$100 billion") == Value("$100 billion", None)
    assert amount_value("about 5%") == Value("5%", None)
