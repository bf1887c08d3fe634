"""The coding sheet's "Let op" column: why a statement is held back, in the sheet's language."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from consultation.reidentification import Hold
from privacy.self_description import Trait
from renderers.document_text import Wording


def _language(code: str, locale: str) -> str:
    try:
        return Locale.parse(locale).languages.get(code) or code
    except (UnknownLocaleError, ValueError):
        return code


def _trait(trait: Trait, wording: Wording, locale: str) -> str:
    if trait.kind == "nationality":
        try:
            value = Locale.parse(locale).territories.get(trait.value) or trait.value
        except (UnknownLocaleError, ValueError):
            value = trait.value
    elif trait.kind == "sector":
        value = wording.table("coding_sheet.notes.sectors").get(trait.value, trait.value)
    elif trait.kind == "age" and trait.value == "minor":
        value = wording.text("coding_sheet.notes.ages.minor")
    elif trait.kind == "age":
        decade = int(trait.value)
        value = wording.text("coding_sheet.notes.ages.decade", value=decade, end=decade + 9)
    else:
        value = trait.value.title()
    return wording.text(f"coding_sheet.notes.traits.{trait.kind}", value=value)


def _reason(hold: Hold, wording: Wording, locale: str) -> str:
    if hold.kind == "language":
        return wording.text(
            "coding_sheet.notes.language", language=_language(hold.language, locale)
        )
    if hold.kind == "combination":
        traits = wording.join([_trait(t, wording, locale) for t in hold.traits])
        return wording.text("coding_sheet.notes.combination", traits=traits)
    return wording.text("coding_sheet.notes.not_a_quote")


def note(holds: tuple[Hold, ...], released: bool, locale: str = "nl") -> str:
    """``""`` when nothing holds the statement back; else what does, and that it is held back
    (or that the work group included it anyway)."""
    if not holds:
        return ""
    wording = Wording(locale)
    reasons = "; ".join(_reason(hold, wording, locale) for hold in holds)
    key = "coding_sheet.notes.released" if released else "coding_sheet.notes.held"
    return wording.text(key, reasons=reasons)
