"""The one registry of interface languages: ``languages.yaml`` (code and own name, in button
order). Adding a language is one line there and one catalog under ``<code>/LC_MESSAGES/``.

Everything else that depends on the list (language buttons, codebook titles, question
wording, the documents' language names) reads it from here. Whether de-identification and
clustering cover a language is theirs to say (``privacy``, ``analysis``); the application
layer tells the facilitator where they fall back.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

LANGUAGES_FILE = Path(__file__).with_name("languages.yaml")
SOURCE = "nl"  # the language of the programme: codebooks and question sets must have it


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1: "nl"
    name: str  # in its own language: "Nederlands"


@cache
def languages() -> tuple[Language, ...]:
    data = yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8"))
    return tuple(Language(str(code), str(name)) for code, name in data.items())


def codes() -> tuple[str, ...]:
    return tuple(language.code for language in languages())


def names() -> dict[str, str]:
    return {language.code: language.name for language in languages()}
