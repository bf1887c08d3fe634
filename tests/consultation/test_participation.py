"""The rules of taking part that hold whatever the channel: what is kept of what was typed."""

from __future__ import annotations

import pytest

from consultation import consultations, organisations, participation
from consultation.core import Core
from consultation.errors import Refused
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor


def joined(deidentifier, role: str = "expert", lang: str = "en"):
    """A core with one consultation and one participant who has just agreed."""
    store = Store.memory()
    core = Core(store, Keyring(b"k" * 32), deidentifier)
    consultation = consultations.create(core, "R", "2026-12-01")
    token = store.invites.create(consultation.id, role)
    arrival = participation.arrive(core, "u", token)
    with store.transaction():
        participant = participation.join(core, "u", arrival.invite_hash, lang)
    return core, participant


@pytest.fixture
def world():
    core, participant = joined(PhoneRedactor())
    yield core, participant
    core.store.close()


def test_invisible_characters_that_hide_or_reorder_text_are_not_kept(world):
    core, p = world
    with core.store.transaction():
        participation.add_text(core, p.id, 1, "1", "Ja\u202enssen\u200b belde\x07 me.\u2066")
        participation.add_text(core, p.id, 1, "2", "\u200d👩\u200d👩\u200d👧 family emoji stays")
    assert participation.answer_text(core, p.id, 1) == (
        "Janssen belde me.\n\u200d👩\u200d👩\u200d👧 family emoji stays"
    )


def test_only_invisible_characters_add_nothing_and_too_long_adds_nothing(world):
    core, p = world
    with core.store.transaction():
        assert not participation.add_text(core, p.id, 1, "1", "\u200b\u202e \x00")
        participation.add_text(core, p.id, 1, "2", "Kept.")
        with pytest.raises(Refused) as refused:
            participation.add_text(core, p.id, 1, "3", "x" * 5000)
    assert refused.value.key == "error.answer.long"
    assert participation.answer_text(core, p.id, 1) == "Kept."


def test_an_overlong_or_odd_invite_payload_is_simply_not_valid(world):
    core, _ = world
    assert participation.arrive(core, "v", "x" * 5000).outcome == "invalid"
    assert participation.arrive(core, "v", "../../etc").outcome == "invalid"


@pytest.mark.parametrize(
    ("typed", "annex"),
    [
        ("Nails by Linh", "Nails by Linh"),  # a salon named after its owner stays itself
        ("Stichting De Regenboog", "Stichting De Regenboog"),
        ("No Limits Foundation", "No Limits Foundation"),
        ("Liever niet zeggen…", None),  # not an organisation
        ("n.v.t.", None),
        ("Pieter van Dam", None),  # a person, not an organisation
        ("Pieter van Dam, Politie Eenheid Oost", "Politie Eenheid Oost"),  # their name set off
        ("GGD Haaglanden (Jan de Vries)", "GGD Haaglanden"),
        ("Politie (Eenheid Oost), Pieter van Dam", "Politie (Eenheid Oost)"),
        ("Stichting Jansen", "Stichting Jansen"),  # named after someone: the name is the name
        ("Gemeente Tilburg, bel 06-12345678", "Gemeente Tilburg, bel [telefoonnummer]"),
    ],
)
def test_the_annex_keeps_an_organisation_as_typed_and_only_that(typed, annex):
    from privacy.pipeline import get_deidentifier

    core, p = joined(get_deidentifier(), "stakeholder", "nl")
    with core.store.transaction():
        organisations.set_organisation(core, p.id, typed, "nl")
    assert core.store.participants.get(p.id).organisation == annex
    core.store.close()
