"""Recognisers: small named steps that each propose findings for one kind of identifier.

Every step is built once from the lexicon (``build(lexicon)``) and then called per
statement: ``step(statement) -> list[Finding]``. Profiles (data/profiles.yaml) choose
which steps run, in which order.
"""

from __future__ import annotations

from collections.abc import Callable

from privacy.lexicon import Lexicon
from privacy.statement import Finding, Statement

Step = Callable[[Statement], list[Finding]]


def registry() -> dict[str, Callable[[Lexicon], Step]]:
    """Step name -> builder. Imported lazily so that building one step loads only it."""
    from privacy.steps import (
        addresses,
        ages,
        arabic_names,
        arabic_premises,
        contact,
        dates,
        documents,
        dutch,
        employers,
        initials,
        introductions,
        loose_addresses,
        names,
        numbers,
        phones,
        profile_names,
        quasi,
    )

    return {
        "contact": contact.build,
        "profile_name": profile_names.build,
        "phone": phones.build,
        "bank": numbers.build_bank,
        "national_id": numbers.build_national_id,
        "document": documents.build_document,
        "plate": documents.build_plate,
        "address": addresses.build_address,
        "loose_address": loose_addresses.build,
        "street": addresses.build_street,
        "birth_date": dates.build_birth_date,
        "any_date": dates.build_any_date,
        "age": ages.build,
        "dutch_names": dutch.build,
        "names": names.build,
        "arabic_names": arabic_names.build,
        "introductions": introductions.build,
        "initials": initials.build,
        "place": quasi.build_place,
        "organisation": employers.build_organisation,
        "arabic_premises": arabic_premises.build,
    }
