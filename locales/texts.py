"""User-facing text: gettext catalogs under ``locales/``, read with Babel.

Messages are looked up by key (``consent.expert``); every catalog, English too, holds the
wording. Compiled ``.mo`` files are built by the set-up commands; when one is missing or
older than its ``.po`` the catalog is compiled in memory, so a checkout always speaks.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from locales import registry

LOCALES_DIR = Path(__file__).resolve().parent
DOMAIN = "rondetafel"
FALLBACK = "en"


def language_names() -> dict[str, str]:
    return registry.names()


def catalog_path(lang: str, directory: Path = LOCALES_DIR) -> Path:
    return directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


class Texts:
    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self._directory = directory
        self._loaded: dict[str, Translations] = {}
        self.languages = [
            code for code in registry.codes() if catalog_path(code, directory).exists()
        ]

    def supported(self, code: str | None) -> str | None:
        """The interface language for a client's language hint like "nl" or "en-GB"."""
        if not code:
            return None
        base = code.split("-")[0].lower()
        return base if base in self.languages else None

    def _translations(self, lang: str) -> Translations:
        if lang not in self._loaded:
            po = catalog_path(lang, self._directory)
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                with mo.open("rb") as handle:
                    self._loaded[lang] = Translations(handle, domain=DOMAIN)
            else:
                with po.open("rb") as handle:
                    catalog = read_po(handle, locale=lang, domain=DOMAIN)
                buffer = io.BytesIO()
                write_mo(buffer, catalog)
                buffer.seek(0)
                self._loaded[lang] = Translations(buffer, domain=DOMAIN)
        return self._loaded[lang]

    def get(self, lang: str | None, key: str, **values: object) -> str:
        lang = lang if lang in self.languages else FALLBACK
        text = self._translations(lang).gettext(key)
        if text == key and lang != FALLBACK:
            text = self._translations(FALLBACK).gettext(key)
        return text.format(**values) if values else text

    def with_numbers(self, lang: str | None, key: str, values: dict[str, object]) -> str:
        """The message ``key``, whole numbers among ``values`` written the language's way."""
        shown = {
            name: self.number(lang, value) if isinstance(value, int) else value
            for name, value in values.items()
        }
        return self.get(lang, key, **shown)

    def number(self, lang: str | None, value: float) -> str:
        return format_decimal(value, locale=lang or FALLBACK)

    def date(self, lang: str | None, value: date) -> str:
        return format_date(value, format="long", locale=lang or FALLBACK)
