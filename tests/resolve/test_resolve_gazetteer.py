"""The gazetteer shipped in kg/data: countries, cities, organisations, people."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pycountry
import pytest
from rdflib import URIRef
from rdflib.term import _is_valid_uri

from kg.namespaces import ENT
from kg.ontology import classes
from kg.resolve.gazetteer import Gazetteer, default_gazetteer, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def keys(gaz: Gazetteer, name: str) -> list[str]:
    return [e.key for e in gaz.find(name)]


def test_every_iso_country_is_there(gaz: Gazetteer) -> None:
    for country in pycountry.countries:
        entry = gaz.country(country.alpha_2)
        assert entry is not None, country.name
        assert entry.key == f"country/{country.alpha_2}"
        assert entry.type in {"Country", "Territory"}
        for name in (country.name, getattr(country, "common_name", None)):
            if name and ("," not in name or name.startswith("Korea")):
                if "," in name:  # "Korea, Republic of" is found as "Republic of Korea"
                    before, _, after = name.partition(", ")
                    name = f"{after} {before}"
                assert keys(gaz, name)[0] == entry.key, name


@pytest.mark.parametrize(
    ("code", "label", "qid"),
    [
        ("RU", "Russia", "Q159"), ("CN", "China", "Q148"), ("US", "United States", "Q30"),
        ("GB", "United Kingdom", "Q145"), ("UA", "Ukraine", "Q212"), ("DE", "Germany", "Q183"),
        ("FR", "France", "Q142"), ("PL", "Poland", "Q36"), ("RO", "Romania", "Q218"),
        ("IN", "India", "Q668"), ("JP", "Japan", "Q17"),
    ],
)
def test_major_countries(gaz: Gazetteer, code: str, label: str, qid: str) -> None:
    entry = gaz.country(code)
    assert entry is not None
    assert (entry.label, entry.type, entry.wikidata) == (label, "Country", qid)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Russia", "country/RU"), ("Russian Federation", "country/RU"),
        ("the Russian Federation", "country/RU"), ("Britain", "country/GB"),
        ("Great Britain", "country/GB"), ("UK", "country/GB"), ("the U.K.", "country/GB"),
        ("the US", "country/US"), ("U.S.", "country/US"), ("USA", "country/US"),
        ("United States of America", "country/US"), ("America", "country/US"),
        ("the People\u2019s Republic of China", "country/CN"), ("South Korea", "country/KR"),
        ("Czech Republic", "country/CZ"), ("Ivory Coast", "country/CI"),
        ("C\u00f4te d'Ivoire", "country/CI"), ("Burma", "country/MM"),
        ("Hong Kong", "country/HK"), ("Soviet Union", "country/SU"), ("USSR", "country/SU"),
        ("England", "country/GB-ENG"), ("S Africa", "country/ZA"), ("N Korea", "country/KP"),
        ("S Korea", "country/KR"), ("Bosnia", "country/BA"), ("DR Congo", "country/CD"),
    ],
)
def test_country_names(gaz: Gazetteer, name: str, key: str) -> None:
    assert keys(gaz, name)[0] == key


def test_short_capitals_match_their_case_only(gaz: Gazetteer) -> None:
    assert keys(gaz, "US") == ["country/US"]
    assert keys(gaz, "us") == []
    assert keys(gaz, "WHO") == ["org/World Health Organization"]
    assert keys(gaz, "who") == []
    assert keys(gaz, "Nato") == ["org/NATO"]  # the BBC's spelling is listed


def test_territories_are_not_countries(gaz: Gazetteer) -> None:
    for code in ("HK", "GL", "PR", "GI"):
        entry = gaz.country(code)
        assert entry is not None and entry.type == "Territory"


def test_demonyms(gaz: Gazetteer) -> None:
    for word, code in [("Russian", "RU"), ("Chinese", "CN"), ("Russians", "RU"),
                       ("British", "GB"), ("Britons", "GB"), ("American", "US"),
                       ("German", "DE"), ("French", "FR"), ("Ukrainian", "UA")]:
        entry = gaz.demonym(word)
        assert entry is not None and entry.code == code, word
    assert gaz.demonym("Frenches") is None
    assert gaz.demonym("Siberian") is None


def test_cities_and_capitals(gaz: Gazetteer) -> None:
    moscow = gaz.find("Moscow")[0]
    assert (moscow.key, moscow.type, moscow.code, moscow.capital_of) == (
        "city/Moscow", "City", "RU", "RU")
    assert gaz.capital_country(moscow).key == "country/RU"  # type: ignore[union-attr]
    for city, code in [("Beijing", "CN"), ("Berlin", "DE"), ("London", "GB"),
                       ("Washington", "US"), ("Kyiv", "UA"), ("Paris", "FR")]:
        entry = gaz.find(city)[0]
        assert entry.kind == "city" and entry.capital_of == code, city
    for city in ("Omsk", "Tomsk", "Novosibirsk", "Manchester"):
        entry = gaz.find(city)[0]
        assert entry.type == "City" and entry.capital_of is None, city
    assert keys(gaz, "Kiev") == ["city/Kyiv"]
    assert keys(gaz, "Bogota") == ["city/Bogot\u00e1"]
    # a city named like a country yields to the country
    assert keys(gaz, "Singapore") == ["country/SG"]
    assert gaz.find("Moscow")[0].population > 10_000_000  # not Moscow, Idaho


def test_organisations(gaz: Gazetteer) -> None:
    nato = gaz.find("NATO")[0]
    assert (nato.type, nato.wikidata) == ("InternationalOrganization", "Q7184")
    assert keys(gaz, "North Atlantic Treaty Organization") == ["org/NATO"]
    assert gaz.find("UN")[0].wikidata == "Q1065"
    assert gaz.find("European Union")[0].wikidata == "Q458"
    assert gaz.find("EU")[0].key == "org/European Union"
    assert gaz.find("the Russian Foreign Ministry")[0].type == "GovernmentBody"
    assert gaz.find("Kremlin")[0].type == "GovernmentBody"
    assert gaz.find("BBC")[0].type == "MediaOrganization"


def test_people(gaz: Gazetteer) -> None:
    putin = gaz.person_by_surname("Putin")
    assert putin is not None and (putin.key, putin.wikidata) == ("person/Vladimir Putin", "Q7747")
    assert keys(gaz, "Alexey Navalny") == ["person/Alexei Navalny"]
    assert gaz.person_by_surname("Johnson") is None  # not distinctive


def test_entries_are_well_formed(gaz: Gazetteer) -> None:
    known = classes()
    seen: set[str] = set()
    for entry in gaz.entries:
        assert entry.type in known, entry
        assert entry.key not in seen, entry.key
        seen.add(entry.key)
        assert entry.label == entry.label.strip() and entry.label
        if entry.wikidata:
            assert re.fullmatch(r"Q[1-9]\d*", entry.wikidata), entry
    wikidata = [e.wikidata for e in gaz.entries if e.wikidata]
    assert len(wikidata) == len(set(wikidata))  # one item, one entry


def test_every_key_makes_a_valid_iri(gaz: Gazetteer) -> None:
    for entry in gaz.entries:
        encoded = quote(entry.key, safe="/")
        iri = ENT[encoded]
        assert _is_valid_uri(str(iri)), entry.key
        assert isinstance(iri, URIRef)
        assert unquote(encoded) == entry.key


def test_normalize() -> None:
    assert normalize("The U.S.") == "us"
    assert normalize("  Bogot\u00e1\u2019s ") == "bogota"
    assert normalize("the   People\u2019s Republic") == "people's republic"


def test_a_channel_is_one_entity_however_its_number_is_written(gaz: Gazetteer) -> None:
    for names in (("BBC Two", "BBC2", "BBC 2"), ("BBC Radio 4", "Radio 4", "Radio Four")):
        keys = {entry.key for name in names for entry in gaz.find(name)}
        assert len(keys) == 1, names
    assert [e.type for e in gaz.find("BBC2")] == ["MediaOrganization"]
