"""From stored answers to the anthology: parts, literal quotes, order, review, proposals."""

from __future__ import annotations

import pytest

from consultation.anthology import LiteralQuoteError, build_anthology
from consultation.core import Core
from consultation.numbering import settle
from consultation.review import codebook_of, prepare
from privacy.keys import Keyring
from storage.records import SubmittedAnswer
from storage.store import Store


def build(store, consultation, locale="nl"):
    """As an export does it: new statements cut and assigned, numbers settled, then the
    document built."""
    core = Core(store, Keyring(b"k" * 32), None)
    prepare(core, consultation)
    settle(core, consultation)
    return build_anthology(core, consultation, locale)


ANSWERS = {
    1: "Uitbuiting verschuift steeds meer naar online werving via sociale media.",
    2: "De samenwerking tussen politie en gemeenten gaat goed. Er zijn korte lijnen.",
    3: "Gegevens delen tussen organisaties is lastig door privacyregels.\n\n"
    "Er zijn te weinig opvangplekken voor slachtoffers.",
    4: "Wij willen minder slachtoffers en betere preventie op scholen.",
    5: "Wij kunnen trainingen geven aan wijkagenten.",
}


@pytest.fixture
def store():
    s = Store.memory()
    yield s
    s.close()


def submit(store, consultation, answers, role="stakeholder", organisation=None):
    participant = store.participants.create(
        consultation.id, role, f"k{store.db['participants'].count}", "nl"
    )
    if organisation:
        store.participants.update(participant.id, organisation=organisation)
        participant = store.participants.get(participant.id)
    store.answers.submit(
        participant,
        [SubmittedAnswer(q, text, [], "nl") for q, text in answers.items()],
        withdraw_hash=f"w{participant.id}",
        mark=f"m{participant.id}",
    )


@pytest.fixture
def consultation(store):
    from consultation.questions import default_set, to_record

    return store.consultations.create(
        "Ronde", "Samen tegen mensenhandel", "2022-10-05", to_record(default_set())
    )


def test_parts_in_the_anthology_order_and_question_five_apart(store, consultation):
    for _ in range(3):
        submit(store, consultation, ANSWERS)
    anthology = build(store, consultation)
    assert [(p.number, p.title, p.question_number) for p in anthology.parts] == [
        ("1", "Trends en ontwikkelingen", 1),
        ("2", "Problemen en oorzaken", 3),
        ("3", "Wat gaat er goed?", 2),
        ("4", "Ambities", 4),
    ]
    assert anthology.date == "5 oktober 2022"
    assert [q.text for q in anthology.contributions] == [ANSWERS[5]] * 3
    quoted = [q.text for p in anthology.parts for c in p.clusters for q in c.quotes]
    assert ANSWERS[5] not in quoted
    assert "Er zijn te weinig opvangplekken voor slachtoffers." in quoted
    for part in anthology.parts:
        numbers = [c.number for c in part.clusters]
        assert numbers == [f"{part.number}.{i}" for i in range(1, len(numbers) + 1)]


def test_one_persons_statements_are_not_in_a_row(store, consultation):
    long_answer = {2: " ".join(f"Punt {i} over samenwerking gaat goed." for i in range(6))}
    submit(store, consultation, long_answer)
    for _ in range(5):
        submit(store, consultation, {2: "De samenwerking gaat goed."})
    part = build(store, consultation).parts[2]
    for cluster in part.clusters:
        texts = [q.text for q in cluster.quotes]
        for a, b in zip(texts, texts[1:], strict=False):
            assert not (a.startswith("Punt") and b.startswith("Punt")), texts


def test_order_is_stable_and_statements_are_cut_once(store, consultation):
    for _ in range(4):
        submit(store, consultation, ANSWERS)
    first = build(store, consultation)
    count = store.db["statements"].count
    second = build(store, consultation)
    assert first == second
    assert store.db["statements"].count == count


def test_work_group_decisions_are_kept(store, consultation):
    submit(store, consultation, ANSWERS)
    build(store, consultation)
    target = codebook_of(store, consultation).title("2.9")
    statements = {s.text: s for s in store.statements.for_consultation(consultation.id)}
    moved = statements["Er zijn te weinig opvangplekken voor slachtoffers."]
    dropped = statements["Gegevens delen tussen organisaties is lastig door privacyregels."]
    store.statements.review(
        [(moved.id, "2.9", True, True), (dropped.id, dropped.cluster, False, False)]
    )
    anthology = build(store, consultation)
    quotes = {
        q.text: (c.title, q.highlight)
        for p in anthology.parts
        for c in p.clusters
        for q in c.quotes
    }
    assert quotes["Er zijn te weinig opvangplekken voor slachtoffers."] == (target, True)
    assert dropped.text not in quotes


def test_a_quote_that_is_not_literal_refuses_the_export(store, consultation):
    submit(store, consultation, ANSWERS)
    build(store, consultation)
    store.db.execute("UPDATE statements SET text = 'Iets wat niemand zei.' WHERE question = 1")
    store.db.conn.commit()
    with pytest.raises(LiteralQuoteError):
        build(store, consultation)


def test_unfit_statements_alike_become_a_proposed_cluster(store, consultation):
    for text in [
        "Het weer is mooi vandaag en de tulpen bloeien.",
        "De tulpen bloeien weer volop in het mooie weer.",
        "Bij mooi weer bloeien de tulpen.",
    ]:
        submit(store, consultation, {1: text})
    cluster = build(store, consultation).parts[0].clusters[-1]
    assert cluster.proposed and "tulpen" in cluster.title.lower()
    assert len(cluster.quotes) == 3


def test_unfit_statements_sharing_only_a_word_stay_in_their_best_cluster(store, consultation):
    for text in [
        "Half of the tulips in my garden are red this spring.",
        "Mijn buurman at vanochtend maar een half broodje kaas.",
        "The train to the coast was half empty on Sunday.",
        "Het concert begon om half negen in de grote zaal.",
    ]:
        submit(store, consultation, {1: text})
    anthology = build(store, consultation)
    unfit = [s for s in store.statements.for_consultation(consultation.id) if not s.fits]
    assert len(unfit) == 4  # all four fit nothing: only their meaning could group them
    clusters = anthology.parts[0].clusters
    assert [c.proposed for c in clusters] == [False] and len(clusters[0].quotes) == 4


def test_a_lone_unfit_statement_stays_in_its_best_cluster(store, consultation):
    submit(store, consultation, {1: "Het weer is mooi vandaag en de tulpen bloeien."})
    clusters = build(store, consultation).parts[0].clusters
    assert len(clusters) == 1 and not clusters[0].proposed


def test_annex_only_when_enough_organisations(store, consultation):
    names = ["CoMensha", "Gemeente Utrecht", "Politie", "FairWork", "Nidos"]
    for name in names[:4]:
        submit(store, consultation, {1: "Meer online werving."}, organisation=name)
    assert build(store, consultation).organisations == ()
    submit(store, consultation, {1: "Meer online werving."}, organisation=names[4])
    assert build(store, consultation).organisations == tuple(sorted(names, key=str.casefold))


def test_the_work_groups_correction_steers_later_statements(store, consultation):
    submit(
        store,
        consultation,
        {3: "Gemeenten zetten te weinig wijkteams in op signalen van uitbuiting."},
    )
    build(store, consultation)
    (first,) = store.statements.for_consultation(consultation.id)
    target = "2.14" if first.cluster != "2.14" else "2.5"
    store.statements.review([(first.id, target, False, True)])
    submit(
        store,
        consultation,
        {3: "Wijkteams van gemeenten pakken signalen van uitbuiting te weinig op."},
    )
    build(store, consultation)
    now = {s.id: s for s in store.statements.for_consultation(consultation.id)}
    later = [s for s in now.values() if s.id != first.id]
    assert later[0].cluster == now[first.id].cluster  # numbers settle; the cluster is the same


def test_contributions_stay_whole_for_the_action_plan(store, consultation):
    offer = "Wij kunnen trainingen geven.\n\nOok kunnen wij tolken leveren. Bel ons gerust."
    submit(store, consultation, {5: offer})
    assert [q.text for q in build(store, consultation).contributions] == [offer]


def test_the_annex_lists_each_organisation_once_however_it_was_typed(store, consultation):
    typed = [
        "Gemeente Rotterdam",
        "gemeente rotterdam",
        "Gemeente  Rotterdam",
        "CoMensha",
        "FairWork",
        "Nidos",
        "Politie",
    ]
    for name in typed:
        submit(store, consultation, {1: "Meer online werving."}, organisation=name)
    assert build(store, consultation).organisations == (
        "CoMensha",
        "FairWork",
        "Gemeente Rotterdam",
        "Nidos",
        "Politie",
    )
