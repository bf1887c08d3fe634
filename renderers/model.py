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


@dataclass(frozen=True)
class Cluster:
    number: str  # as printed, renumbered consecutively per part: "2.11"
    title: str
    quotes: tuple[Quote, ...]
    source_number: str = ""  # the codebook's own number ("2.11" in the 2022 codebook)
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

    invited: int
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
