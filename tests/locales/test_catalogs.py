"""Every catalog speaks every message, with the same placeholders as the English one."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from locales.texts import Texts, catalog_path, language_names

ROOT = Path(__file__).resolve().parents[2]
KEY_IN_CODE = re.compile(
    r"""(?:\bt|say|button|notice)\(\s*f?["']([a-z_]+\.[a-z_.{}]+|[a-z_]+)["']"""
)


def _catalog(lang: str) -> dict[str, str]:
    with catalog_path(lang).open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


LANGUAGES = Texts().languages
ENGLISH = _catalog("en")


def test_dutch_and_english_are_there():
    assert {"nl", "en"} <= set(LANGUAGES)
    assert set(LANGUAGES) <= set(language_names())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_is_complete_and_placeholders_match(lang):
    catalog = _catalog(lang)
    assert set(catalog) == set(ENGLISH), f"{lang}: missing or extra messages"
    for key, text in catalog.items():
        assert text.strip(), f"{lang}: {key} is empty"
        assert _fields(text) == _fields(ENGLISH[key]), f"{lang}: placeholders of {key}"


def test_every_key_used_in_code_exists():
    used = set()
    for path in list((ROOT / "dialogs").glob("*.py")) + list((ROOT / "bot").glob("*.py")):
        used |= {k for k in KEY_IN_CODE.findall(path.read_text()) if "{" not in k}
    assert used, "the pattern found no keys: the test would prove nothing"
    assert used - set(ENGLISH) == set()
