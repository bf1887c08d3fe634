"""The bloemlezing as data: what every renderer (md, html, docx, json) draws.

Built by ``consultation.anthology`` from stored, anonymised answers; renderers only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Quote:
    """One statement, literally as it stands in a stored anonymised answer."""

    id: str  # stable, opaque statement id ("s3f09a1c2b7de"): says nothing about who said it
    text: str
    lang: str  # ISO 639-1 code of the statement's language ("nl", "en", "pl", ...)
    highlight: bool = False  # set large as a pull quote
    translation: str = ""  # the work group's translation into the document language


@dataclass(frozen=True)
class Cluster:
    number: str  # as printed, the same in the codebook and the coding sheet: "2.11"
    title: str
    quotes: tuple[Quote, ...]
    source_number: str = ""  # the codebook's number ("" for a proposed cluster)
    proposed: bool = False  # a new cluster proposed by assignment, not in the codebook


@dataclass(frozen=True)
class Part:
    number: str  # "1".."4"
    title: str  # "Trends en ontwikkelingen"
    question_number: int  # which question feeds it (part 2 <- question 3)
    question_text: str
    clusters: tuple[Cluster, ...]

    @property
    def pull_quotes(self) -> tuple[Quote, ...]:
        return tuple(q for c in self.clusters for q in c.quotes if q.highlight)


@dataclass(frozen=True)
class Question:
    number: int
    text: str


@dataclass(frozen=True)
class Participation:
    """How many took part, per role (never who)."""

    invited: int  # people invited, where the invite links count people (personal links); else 0
    submitted_stakeholders: int
    submitted_experts: int


@dataclass(frozen=True)
class Anthology:
    programme: str  # "Samen tegen mensenhandel"
    title: str  # "Een bloemlezing van citaten over ..."
    subtitle: str
    date: str  # the consultation's date, already formatted for the document's locale
    locale: str  # the document's language ("nl")
    questions: tuple[Question, ...]  # all five, as asked
    participation: Participation
    parts: tuple[Part, ...]  # in document order: 1 trends, 2 problems, 3 going well, 4 ambitions
    organisations: tuple[str, ...] = ()  # alphabetical; empty when too few took part to show it
    contributions: tuple[Quote, ...] = ()  # answers to question 5, for the action plan
    language_names: dict[str, str] = field(default_factory=dict)  # "pl" -> "Pools", for marking
    sessions: tuple[str, ...] = ()  # the dates of the sessions, formatted; () = one, on ``date``
    left_out: int = 0  # statements the work group left out
    held_back: int = 0  # statements held back because they could point at a person, or no quote
    unmarked_languages: tuple[str, ...] = ()  # too few wrote in them: no language mark shown
