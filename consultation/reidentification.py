"""The re-identification check before anything is published: no quote may single a person out.

Names and numbers are removed at submission; what is left can still point at someone when
combined. Two rules, both "fewer than three participants share it":

- **Language marks.** "(Bulgaars)" under a quote tells the reader that someone wrote in
  Bulgarian. A mark is shown only for a language at least ``MIN_SHARED`` participants wrote
  in; an experience expert's quotes in a rarer language are held back.
- **Combinations.** All answers of one experience expert are read together
  (``privacy.self_description``: the nationality, age range, place and sector they say about
  themselves, and the language mark their quotes carry). When fewer than ``MIN_SHARED``
  experts say all of that about themselves, each of their quotes that names part of it is
  held back.

Held-back quotes are listed in the coding sheet with the reason and stay out of every document
until the work group includes them. Stakeholders speak for their work, not about themselves;
their quotes are not held back, but language marks follow the same rule for everyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from privacy.self_description import Trait, get_self_description
from storage.records import StoredAnswer

MIN_SHARED = 3


@dataclass(frozen=True)
class Hold:
    """Why a statement is held back: ``kind`` is language, combination or not_a_quote."""

    kind: str
    language: str = ""  # language: the rare language
    traits: tuple[Trait, ...] = ()  # combination: what this quote names of it


@dataclass(frozen=True)
class Check:
    holds: dict[str, tuple[Hold, ...]]  # statement id -> why it is held back
    hidden_languages: frozenset[str]  # languages whose marks are not shown


@dataclass(frozen=True)
class Quoted:
    """What the check needs to know of one statement."""

    id: str
    text: str
    answer_id: int
    translation: str = ""


def _base(code: str) -> str:
    return code.replace("-", "_").split("_")[0].lower()


def check(statements: Iterable[Quoted], answers: list[StoredAnswer], locale: str) -> Check:
    by_answer = {a.id: a for a in answers}
    writers: dict[str, set[str]] = defaultdict(set)
    for answer in answers:
        writers[_base(answer.lang)].add(answer.respondent_id)
    document = _base(locale)
    hidden = frozenset(
        lang for lang, people in writers.items() if len(people) < MIN_SHARED and lang != document
    )
    combinations = _combinations(answers, hidden, document)
    unique = {
        person
        for person, combination in combinations.items()
        if combination and sum(combination <= other for other in combinations.values()) < MIN_SHARED
    }
    describe = get_self_description()
    holds: dict[str, tuple[Hold, ...]] = {}
    for statement in statements:
        answer = by_answer.get(statement.answer_id)
        if answer is None or answer.role != "expert":
            continue
        found: list[Hold] = []
        lang = _base(answer.lang)
        if lang in hidden:
            found.append(Hold("language", language=lang))
        if answer.respondent_id in unique:
            named = describe.mentions(statement.text, lang)
            if statement.translation:
                named |= describe.mentions(statement.translation, document)
            shared = named & combinations[answer.respondent_id]
            if shared:
                found.append(Hold("combination", traits=tuple(sorted(shared))))
        if found:
            holds[statement.id] = tuple(found)
    return Check(holds, hidden)


def _combinations(
    answers: list[StoredAnswer], hidden: frozenset[str], document: str
) -> dict[str, frozenset[Trait]]:
    """What each experience expert says about themselves across all their answers, with the
    language mark their quotes would carry."""
    describe = get_self_description()
    found: dict[str, set[Trait]] = defaultdict(set)
    for answer in answers:
        if answer.role != "expert":
            continue
        lang = _base(answer.lang)
        found[answer.respondent_id] |= describe.traits(answer.text, lang)
        if lang != document and lang not in hidden:
            found[answer.respondent_id].add(Trait("language", lang))
    return {person: frozenset(traits) for person, traits in found.items()}
