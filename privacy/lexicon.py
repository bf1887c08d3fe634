"""Word lists and settings of the pipeline, read once from the data files next to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"

SUPPORTED_LANGUAGES = ("nl", "en", "pl", "ro", "bg", "hu", "uk", "ar", "es")


def read_lines(path: Path) -> list[str]:
    """Non-empty lines of a list file, without comments."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: 10x faster


def read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YAML_LOADER)  # a safe loader either way


@dataclass(frozen=True)
class PhraseList:
    """Whole-word phrases; an entry ending in ``*`` also matches longer last words."""

    exact: dict[tuple[str, ...], None] = field(default_factory=dict)
    prefixes: dict[tuple[str, ...], None] = field(default_factory=dict)
    heads: frozenset[str] = frozenset()  # first words, and first 3 letters of stems
    max_len: int = 1

    @classmethod
    def from_lines(cls, lines: list[str]) -> PhraseList:
        exact: dict[tuple[str, ...], None] = {}
        prefixes: dict[tuple[str, ...], None] = {}
        for line in lines:
            star = line.endswith("*")
            words = tuple(re.findall(r"\w+(?:['’\-]\w+)*", line.rstrip("*")))
            if not words:
                continue
            (prefixes if star else exact)[words] = None
        heads = {w[0] for w in exact} | {w[0] for w in prefixes if len(w) > 1}
        heads |= {w[0][:3] for w in prefixes if len(w) == 1}
        longest = max((len(w) for w in [*exact, *prefixes]), default=1)
        return cls(exact, prefixes, frozenset(heads), longest)

    def __contains__(self, word: str) -> bool:
        return self.match_at([word], 0) == 1

    def match_at(self, words: list[str], i: int) -> int:
        """Number of words of the longest phrase starting at ``words[i]`` (0: none)."""
        first = words[i]
        if first not in self.heads and first[:3] not in self.heads:
            return 0
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            seq = tuple(words[i : i + n])
            if seq in self.exact:
                return n
            head, last = seq[:-1], seq[-1]
            for k in range(len(last), 2, -1):
                if head + (last[:k],) in self.prefixes:
                    return n
        return 0


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    name_parts: PhraseList  # multi-word surnames (De Vries, El Amrani)
    lower_names: frozenset[str]
    particles: frozenset[str]  # "van", "de", "El", "ван" inside family names
    common: dict[str, frozenset[str]]
    cues: dict[str, dict[str, frozenset[str]]]
    keywords: dict[str, list[str]]
    months: dict[str, list[str]]
    keep_names: PhraseList  # public bodies, platforms, public figures
    keep_titles: frozenset[str]  # "project", "programme": a title follows
    keep_places: PhraseList  # cities, provinces, countries, continents and regions
    keep_compass: PhraseList  # "central", "zachodni*": stay next to a kept place
    legal: list[str]
    helplines: list[tuple[str, str]]
    placeholders: dict[str, dict[str, str]]
    profiles: dict[str, list[str]]
    streets: dict

    def common_words(self, lang: str) -> frozenset[str]:
        """Everyday words of a language (its own list plus "all")."""
        return self.common.get(lang) or self.common.get("all", frozenset())

    def cue_words(self, lang: str, kind: str) -> frozenset[str]:
        langs = [lang] if lang in self.cues else list(self.cues)
        words: set[str] = set()
        for code in langs:
            words |= self.cues[code].get(kind, frozenset())
        return frozenset(words)


_UKRAINIAN = frozenset("іїєґ")
_BULGARIAN = frozenset("ъыэё")


def latin_spellings(name: str, tables: dict[str, dict[str, list[str]]]) -> set[str]:
    """Latin spellings of a Cyrillic name: the main one, one per letter variant, and
    all letters in their second or third spelling."""
    lower = name.lower()
    if not any("\u0400" <= ch <= "\u04ff" for ch in lower):
        return set()
    letters = set(lower)
    langs = ["uk"] if letters & _UKRAINIAN else ["bg"] if letters & _BULGARIAN else ["uk", "bg"]
    spellings = set()
    for lang in langs:
        table = tables[lang]
        if not letters <= set(table) | {" ", "-"}:
            continue
        main = {ch: table[ch][0] for ch in letters if ch in table}
        choices = [main] + [
            dict(main, **{ch: alt}) for ch in letters if ch in table for alt in table[ch][1:]
        ]
        for k in (1, 2):  # every letter in its k-th spelling: Yuliya, Juliia
            choices.append(
                {ch: table[ch][min(k, len(table[ch]) - 1)] for ch in letters if ch in table}
            )
        for choice in choices:
            latin = "".join(choice.get(ch, ch) for ch in lower)
            spellings.add("-".join(p[:1].upper() + p[1:] for p in latin.split("-")))
    return spellings


def _with_latin(names: list[str], tables: dict) -> list[str]:
    extra = [s for name in names for s in sorted(latin_spellings(name, tables))]
    return names + extra


@cache
def load_lexicon() -> Lexicon:
    tables = read_yaml(DATA / "names" / "transliteration.yaml")
    firsts = _with_latin(read_lines(DATA / "names" / "first_names.txt"), tables)
    surnames = _with_latin(read_lines(DATA / "names" / "surnames.txt"), tables)
    single = {s for s in surnames if " " not in s}
    multi = [s for s in surnames if " " in s or "-" in s]
    common = {
        lang: frozenset(str(w).lower() for w in words)
        for lang, words in read_yaml(DATA / "common_words.yaml").items()
    }
    shared = common.get("all", frozenset())
    common = {lang: words | shared for lang, words in common.items()}
    cues = {
        lang: {kind: frozenset(str(w).lower() for w in words) for kind, words in kinds.items()}
        for lang, kinds in read_yaml(DATA / "cues.yaml").items()
    }
    helplines = []
    for line in read_lines(DATA / "keep" / "helplines.txt"):
        region, number = line.split(maxsplit=1)
        helplines.append((region, number))
    return Lexicon(
        first_names=frozenset(firsts),
        surnames=frozenset(single),
        name_parts=PhraseList.from_lines(multi),
        lower_names=frozenset(n.lower() for n in [*firsts, *single]),
        particles=frozenset(read_lines(DATA / "names" / "particles.txt")),
        common=common,
        cues=cues,
        keywords={k: [str(w) for w in v] for k, v in read_yaml(DATA / "keywords.yaml").items()},
        months={k: [str(w) for w in v] for k, v in read_yaml(DATA / "months.yaml").items()},
        keep_names=PhraseList.from_lines(
            read_lines(DATA / "keep" / "organisations.txt")
            + read_lines(DATA / "keep" / "public_figures.txt")
        ),
        keep_titles=frozenset(read_lines(DATA / "keep" / "titles.txt")),
        keep_places=PhraseList.from_lines(
            read_lines(DATA / "keep" / "places.txt") + read_lines(DATA / "keep" / "regions.txt")
        ),
        keep_compass=PhraseList.from_lines(
            [w.lower() for w in read_lines(DATA / "keep" / "compass.txt")]
        ),
        legal=list(read_yaml(DATA / "keep" / "legal.yaml")["patterns"]),
        helplines=helplines,
        placeholders=read_yaml(DATA / "placeholders.yaml"),
        profiles=read_yaml(DATA / "profiles.yaml"),
        streets=read_yaml(DATA / "streets.yaml"),
    )


def keyword_pattern(words: list[str]) -> re.Pattern[str]:
    """One regex for a keyword list: whole words, capitalised entries case-sensitive.

    Lower-case entries of six letters or more also match with up to four more letters.
    """
    sensitive = sorted({w for w in words if w != w.lower()}, key=len, reverse=True)
    insensitive = sorted({w for w in words if w == w.lower()}, key=len, reverse=True)
    parts = []
    if sensitive:
        parts.append("(?-i:" + "|".join(re.escape(w) for w in sensitive) + ")")
    if insensitive:
        # longer words also match their inflected forms (paszport -> paszportu)
        parts.append(
            "|".join(re.escape(w) + (r"\w{0,4}" if len(w) >= 6 else "") for w in insensitive)
        )
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
