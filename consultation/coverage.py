"""Which languages each part of the product covers, so a facilitator is told about gaps.

The interface languages are the registry's (``locales/languages.yaml``). De-identification
and clustering each say which languages they have data for; for any other language they fall
back: de-identification still removes contact details, numbers and addresses (patterns that do
not depend on the language) but finds names less well; clustering reads the words without
knowing which are alike. Whether clustering compares meaning across all languages (sentence
vectors) does not depend on the language: ``meaning`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale

from analysis import sentence_vectors
from analysis.languages import SUPPORTED as CLUSTERED
from locales import registry
from locales.texts import Texts
from privacy.lexicon import SUPPORTED_LANGUAGES as DEIDENTIFIED


@dataclass(frozen=True)
class Coverage:
    code: str
    name: str
    interface: bool  # a complete catalog
    deidentification: bool  # names and places too, not only contact details and numbers
    clustering: bool  # its words are known to the cluster assignment


def coverage() -> list[Coverage]:
    texts = Texts()
    codes = list(registry.codes()) + [c for c in DEIDENTIFIED if c not in registry.codes()]
    names = registry.names()
    names.update({c: Locale.parse(c).get_display_name(c) for c in codes if c not in names})
    return [
        Coverage(
            code,
            names.get(code, code),
            code in texts.languages,
            code in DEIDENTIFIED,
            code in CLUSTERED,
        )
        for code in codes
    ]


def meaning() -> str:
    """Whether clustering also compares meaning across languages (multilingual sentence
    vectors from the optional package), one line for operators."""
    return sentence_vectors.status()


def gaps(langs: set[str]) -> list[Coverage]:
    """Of the languages answers were written in, those some part only covers by fallback."""
    return [c for c in coverage() if c.code in langs and not (c.deidentification and c.clustering)]
