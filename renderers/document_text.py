"""The fixed wording of the documents, per document language, read from ``texts/<locale>.yaml``.

Renderers ask for wording by dotted key (``wording.text("context.heading")``); a missing
key is a programming error and raises ``KeyError`` naming it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from renderers.model import Anthology, Question, Quote

FALLBACK_LOCALE = "en"
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})
LRM = "\u200e"  # keeps a left-to-right mark whole (brackets included) after right-to-left text


def base_language(code: str) -> str:
    """``"nl_NL"`` / ``"nl-BE"`` -> ``"nl"``."""
    return code.replace("-", "_").split("_")[0].lower()


@cache
def _load(language: str) -> dict[str, Any] | None:
    resource = resources.files("renderers") / "texts" / f"{language}.yaml"
    if not resource.is_file():
        return None
    return yaml.safe_load(resource.read_text(encoding="utf-8"))


class Wording:
    """The document texts for one locale."""

    def __init__(self, locale: str) -> None:
        language = base_language(locale)
        data = _load(language)
        if data is None:
            language, data = FALLBACK_LOCALE, _load(FALLBACK_LOCALE)
        assert data is not None, "renderers/texts/en.yaml is missing from the package"
        self.language = language
        self._data = data

    def _lookup(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"no document text {key!r} for {self.language!r}")
            node = node[part]
        return node

    def text(self, key: str, **values: object) -> str:
        return str(self._lookup(key)).format(**values)

    def plural(self, key: str, n: int, **values: object) -> str:
        forms = self._lookup(key)
        return str(forms["one" if n == 1 else "other"]).format(n=n, **values)

    def number(self, n: int) -> str:
        """Small numbers as words in running text ("vier"), larger ones as digits."""
        words = self._data.get("number_words", ())
        return str(words[n]) if 0 <= n < len(words) else str(n)

    def table(self, key: str) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._lookup(key).items()}

    def paragraphs(self, key: str) -> tuple[str, ...]:
        return tuple(str(p) for p in self._lookup(key))

    def join(self, items: list[str]) -> str:
        """``["a", "b", "c"]`` -> ``"a, b en c"`` in the document language."""
        return format_list(items, locale=self.language)

    def quoted(self, text: str) -> str:
        return f"{self.text('quote_open')}{text}{self.text('quote_close')}"


def all_wordings() -> tuple[Wording, ...]:
    """The wording of every document language there is a ``texts/<locale>.yaml`` for."""
    folder = resources.files("renderers") / "texts"
    names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".yaml"))
    return tuple(Wording(name.removesuffix(".yaml")) for name in names)


def language_name(anthology: Anthology, code: str) -> str:
    """The name of language ``code`` in the document language (``"pl"`` -> ``"Pools"``)."""
    if code in anthology.language_names:
        return anthology.language_names[code]
    try:
        name = Locale.parse(base_language(anthology.locale)).languages.get(base_language(code))
    except (UnknownLocaleError, ValueError):
        name = None
    return name or code


def is_foreign(anthology: Anthology, quote: Quote) -> bool:
    return bool(quote.lang) and base_language(quote.lang) != base_language(anthology.locale)


def is_right_to_left(code: str) -> bool:
    return base_language(code) in RIGHT_TO_LEFT


def marked(anthology: Anthology, quote: Quote) -> bool:
    """A quote carries its language's name: it is foreign, and enough people wrote in that
    language for the name to point at nobody (``Anthology.unmarked_languages``)."""
    return is_foreign(anthology, quote) and base_language(quote.lang) not in {
        base_language(code) for code in anthology.unmarked_languages
    }


def language_mark(anthology: Anthology, quote: Quote, wording: Wording) -> str:
    """``"(Pools)"`` for a quote not in the document language, else ``""``."""
    if not marked(anthology, quote):
        return ""
    return wording.text("language_mark", language=language_name(anthology, quote.lang))


def placed_mark(mark: str, quote: Quote) -> str:
    """The mark as it follows the quote: after right-to-left text it is held together
    left to right (otherwise its brackets turn and it lands inside the line)."""
    if mark and is_right_to_left(quote.lang):
        return f"{LRM}{mark}{LRM}"
    return mark


def translated_mark(anthology: Anthology, quote: Quote, wording: Wording) -> str:
    """``"(vertaald uit het Pools)"`` under a pull quote shown in translation."""
    if not marked(anthology, quote):
        return wording.text("translated_mark_plain")
    return wording.text("translated_mark", language=language_name(anthology, quote.lang))


def pull_quote_text(anthology: Anthology, quote: Quote) -> str:
    """What a pull quote shows: a foreign quote in the work group's translation, if any."""
    if is_foreign(anthology, quote) and quote.translation:
        return quote.translation
    return quote.text


def contribution_question(anthology: Anthology) -> Question | None:
    """The question whose answers go to the action plan: the one no part is fed by."""
    fed = {part.question_number for part in anthology.parts}
    rest = [q for q in anthology.questions if q.number not in fed]
    return rest[-1] if rest else None
