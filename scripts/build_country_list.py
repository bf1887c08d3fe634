"""Build privacy/data/generated/countries.txt and language_names.txt from Babel's CLDR
data (development time).

    .venv/bin/python scripts/build_country_list.py

Countries, territories and world regions in each of our nine languages, as CLDR names
them ("Nepal", "Filipiny", "Țările de Jos", "نيبال"), with their inflected forms in the
languages that inflect names ("w Nepalu", "z Filipin", "Indiában", "Indiei", "у Непалі",
"وسوريا"). They stay in quotes: a country of origin is no identifier. Names of
territories that are also given names in our lists ("Jordan", "Chad", "Georgia") are
left out: the hand-made list data/keep/places.txt decides for those.

language_names.txt: the names of languages in our nine languages, lower case, one word
("román", "magyar", "rumuński", "румънски", "árabe"); in most of our languages they are
also the nationality adjectives, and never a person's name in lower case.

CLDR data is under the Unicode licence (free use with the copyright notice, which
Babel's distribution carries); no data is downloaded, Babel ships it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from privacy.lexicon import DATA, GENERATED, read_lines  # noqa: E402

LANGS = ("nl", "en", "pl", "ro", "bg", "hu", "uk", "ar", "es")
# CLDR codes that name no place anyone comes from or works in
SKIP = {"ZZ", "EZ", "UN", "QO", "XA", "XB", "AQ", "BV", "HM", "UM", "001"}
# languages whose names are nationality words first, even where they are also names
MAJOR = frozenset(
    "nl en pl ro bg hu uk ar es de fr it pt tr ru sk cs sr hr sq lt lv et fi el sv da no "
    "zh vi hi ur fa ku ti am so".split()
)
_BACK = set("aáoóuú")
_FRONT_ROUNDED = set("öőüű")
_VOWELS = set("aáeéiíoóöőuúüű")


def polish(name: str) -> list[str]:
    if name.endswith("ia"):
        stem = name[:-1]
        return [stem + e for e in ("i", "ę", "ą")]
    if name.endswith("a"):
        stem = name[:-1]
        return [stem + e for e in ("y", "i", "ie", "ę", "ą", "o")]
    if name.endswith("ie"):  # Indie, Niemcy-like plurals in -ie
        stem = name[:-1]
        return [stem + e for e in ("i", "ach", "ami", "om")]
    if name.endswith("y"):  # Filipiny, Węgry
        stem = name[:-1]
        return [stem, stem + "ach", stem + "ami", stem + "om", stem + "ech"]
    if name.endswith("o"):
        stem = name[:-1]
        return [stem + e for e in ("a", "u", "em", "ie")]
    if name[-1].isalpha():
        return [name + e for e in ("u", "ie", "em", "a", "owi", "iu", "ia", "iem")]
    return []


def ukrainian(name: str) -> list[str]:
    if name.endswith("ія"):
        stem = name[:-1]
        return [stem + e for e in ("ї", "ю", "єю")]
    if name.endswith(("а", "я")):
        stem = name[:-1]
        return [stem + e for e in ("и", "і", "у", "ою", "ю", "ї", "ею")]
    if name.endswith(("и", "і")):  # Філіппіни, Нідерланди
        stem = name[:-1]
        return [stem, stem + "ах", stem + "ами", stem + "ам", stem + "ів"]
    if name[-1].isalpha():
        return [name + e for e in ("у", "і", "ом", "а", "ові", "ї", "ю", "ем")]
    return []


def romanian(name: str) -> list[str]:
    if name.endswith("ia"):
        return [name[:-1] + "ei", name[:-2] + "iei"]
    if name.endswith("a"):
        return [name[:-1] + "ei", name[:-1] + "ii"]
    if name.endswith("e"):  # Filipine, Statele Unite: plural
        return [name + "le", name + "lor", name[:-1] + "elor"]
    if name[-1].isalpha():
        return [name + "ul", name + "ului", name + "u", name + "ului"]
    return []


def hungarian(name: str) -> list[str]:
    vowels = [ch for ch in name.lower() if ch in _VOWELS]
    back = bool(vowels) and vowels[-1] in _BACK
    rounded = bool(vowels) and vowels[-1] in _FRONT_ROUNDED
    stem = name
    if name.endswith("a"):
        stem = name[:-1] + "á"
    elif name.endswith("e"):
        stem = name[:-1] + "é"
    if back:
        suffixes = ("ba", "ban", "ból", "ra", "ról", "hoz", "tól", "nak", "val", "ig", "i")
        on = "n" if stem[-1] in _VOWELS else "on"
    else:
        suffixes = ("be", "ben", "ből", "re", "ről", "hez", "től", "nek", "vel", "ig", "i")
        on = "n" if stem[-1] in _VOWELS else ("ön" if rounded else "en")
        if rounded:
            suffixes += ("höz",)
    return [stem + s for s in suffixes] + [stem + on]


def arabic(name: str) -> list[str]:
    return [clitic + name for clitic in ("و", "ب", "ل", "ف", "وب", "ول")]


INFLECT = {"pl": polish, "uk": ukrainian, "ro": romanian, "hu": hungarian, "ar": arabic}


def main() -> None:
    given = {n.lower() for n in read_lines(DATA / "names" / "first_names.txt")}
    given |= {n.lower() for n in read_lines(GENERATED / "first_names.txt")}
    lines: dict[str, None] = {}
    for lang in LANGS:
        locale = Locale.parse(lang)
        for code, name in sorted(locale.territories.items()):
            if code in SKIP or not name or "(" in name:
                continue
            if name.lower() in given:
                continue  # "Jordan", "Chad", "Georgia": the hand-made list decides
            lines.setdefault(name, None)
            inflect = INFLECT.get(lang)
            if inflect and len(name) >= 4:
                if lang == "ar" or " " not in name:
                    forms = inflect(name)
                else:  # "Sri Lanka" -> "Sri Lance"; "Statele Unite" -> "Statele Unite ale..."
                    head, _, last = name.rpartition(" ")
                    forms = [f"{head} {f}" for f in inflect(last)] if len(last) >= 4 else []
                for form in forms:
                    if form.lower() not in given:
                        lines.setdefault(form, None)
    out = GENERATED / "countries.txt"
    header = (
        "# Generated by scripts/build_country_list.py; do not edit (edit the script).\n"
        "# Countries, territories and world regions in our nine languages with their\n"
        "# inflected forms (Babel's CLDR data, Unicode licence).\n"
    )
    out.write_text(header + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(lines)} lines")
    languages: set[str] = set()
    for lang in LANGS:
        for code, name in Locale.parse(lang).languages.items():
            word = name.lower()
            if code in MAJOR and word.isalpha():
                languages.add(word)  # "román", "magyar", "török": also family names
                continue
            if (
                " " not in word
                and "-" not in word
                and len(word) >= 4
                and word.isalpha()
                and word not in given  # "mari", "emiliano", "sona"
            ):
                languages.add(word)
    out = GENERATED / "language_names.txt"
    header = (
        "# Generated by scripts/build_country_list.py; do not edit (edit the script).\n"
        "# Names of languages in our nine languages, lower case (Babel's CLDR data).\n"
    )
    out.write_text(header + "".join(f"{w}\n" for w in sorted(languages)), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(languages)} lines")


if __name__ == "__main__":
    main()
