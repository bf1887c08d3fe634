"""The context section says what is true of this consultation."""

from __future__ import annotations

from dataclasses import replace

from renderers.document_text import Wording
from renderers.front_matter import front_matter
from renderers.model import Participation
from tests.renderers.anthology_sample import POLISH, sample_anthology


def context(**changes) -> str:
    anthology = sample_anthology(**changes)
    matter = front_matter(anthology, Wording(anthology.locale))
    return "\n".join(str(b) for s in matter.sections for b in s.blocks)


def test_invitations_are_mentioned_only_when_they_count_people():
    shared_links = Participation(invited=0, submitted_stakeholders=24, submitted_experts=12)
    text = context(participation=shared_links)
    assert "uitgenodigd" not in text
    assert "Aan de consultatie namen 24 stakeholders en 12 ervaringsdeskundigen deel." in text


def test_statements_left_out_are_said_and_everything_is_not_claimed():
    assert "alle uitspraken zijn opgenomen" in context()
    text = context(left_out=3, held_back=2)
    assert "alle uitspraken zijn opgenomen" not in text
    assert "De werkgroep heeft 3 uitspraken niet opgenomen" in text
    assert "2 uitspraken zijn achtergehouden" in text


def test_sessions_default_to_one_and_several_are_named():
    assert "van 5 oktober 2022." in context()
    text = context(sessions=("5 oktober 2022", "19 oktober 2022"))
    assert "gehouden in twee sessies: 5 oktober 2022 en 19 oktober 2022" in text


def test_languages_too_few_wrote_in_are_not_named():
    text = context(unmarked_languages=("ar",))
    assert "bijvoorbeeld (Pools)" in text and "minder dan drie deelnemers" in text
    part = sample_anthology().parts[0]
    cluster = replace(part.clusters[0], quotes=(replace(POLISH, translation="Steeds meer."),))
    translated = context(parts=(replace(part, clusters=(cluster,)),))
    assert "staat de vertaling eronder" in translated
