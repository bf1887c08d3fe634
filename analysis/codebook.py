"""The codebook: the parts of the bloemlezing and the numbered clusters inside each part.

A consultation starts from the default codebook (the 2022 anthology's parts and clusters,
``codebooks/default.yaml``, titles in every supported language, with the 2022 quotes as
examples for automatic assignment). A facilitator exports it, edits it (rename, add, merge,
remove, reorder) and imports it again; every edit returns a new ``Codebook``.

Cluster numbers are the codebook's own ("2.11"); the document renumbers consecutively.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from locales import registry

LOCALES = registry.codes()
DEFAULT_LOCALE = registry.SOURCE


class CodebookError(ValueError):
    """A codebook file or edit that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class CodebookCluster:
    number: str  # "2.11": part, dot, position number
    titles: Mapping[str, str]  # locale -> title; "nl" always present
    ours: bool = False  # title derived by us, not printed in the 2022 source
    description: str = ""  # what belongs here, in a sentence or two (steers assignment)
    keywords: tuple[str, ...] = ()  # characteristic words in any language (steer assignment)
    examples: tuple[str, ...] = ()  # statements placed here before (steer assignment)

    @property
    def chapter(self) -> str:
        return self.number.split(".", 1)[0]

    def title(self, locale: str = DEFAULT_LOCALE) -> str:
        return self.titles.get(locale) or self.titles[DEFAULT_LOCALE]


@dataclass(frozen=True)
class CodebookPart:
    chapter: str  # "1".."4": the bloemlezing's part
    question: int  # the question whose answers feed this part
    titles: Mapping[str, str]
    clusters: tuple[CodebookCluster, ...] = ()

    def title(self, locale: str = DEFAULT_LOCALE) -> str:
        return self.titles.get(locale) or self.titles[DEFAULT_LOCALE]


@dataclass(frozen=True)
class Codebook:
    parts: tuple[CodebookPart, ...]
    name: str = ""
    _index: dict[str, CodebookCluster] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        validate(self)
        for part in self.parts:
            for cluster in part.clusters:
                self._index[cluster.number] = cluster

    # looking up ------------------------------------------------------------------------------

    def part(self, chapter: str) -> CodebookPart:
        for part in self.parts:
            if part.chapter == str(chapter):
                return part
        raise KeyError(f"no part {chapter!r} in the codebook")

    def cluster(self, number: str) -> CodebookCluster:
        try:
            return self._index[number]
        except KeyError:
            raise KeyError(f"no cluster {number!r} in the codebook") from None

    def clusters(self, chapter: str | None = None) -> tuple[CodebookCluster, ...]:
        if chapter is not None:
            return self.part(chapter).clusters
        return tuple(c for part in self.parts for c in part.clusters)

    def title(self, number: str, locale: str = DEFAULT_LOCALE) -> str:
        """Title of cluster ``number`` ("2.11"), or of part ``number`` ("2")."""
        if "." not in number:
            return self.part(number).title(locale)
        return self.cluster(number).title(locale)

    def part_for_question(self, question: int) -> CodebookPart | None:
        return next((p for p in self.parts if p.question == question), None)

    # editing ---------------------------------------------------------------------------------

    def renamed(self, number: str, title: str, locale: str = DEFAULT_LOCALE) -> Codebook:
        cluster = self.cluster(number)
        if not title.strip():
            raise CodebookError(f"cluster {number}: a title cannot be empty")
        titles = dict(cluster.titles) if locale != DEFAULT_LOCALE else {}
        titles[locale] = title.strip()
        return self._replace_cluster(number, replace(cluster, titles=titles))

    def added(
        self,
        chapter: str,
        title: str,
        *,
        number: str | None = None,
        after: str | None = None,
        description: str = "",
        keywords: Iterable[str] = (),
    ) -> Codebook:
        """A new cluster in part ``chapter`` (next free number unless given), last or ``after``."""
        part = self.part(chapter)
        number = number or next_number(part)
        cluster = CodebookCluster(
            number,
            {DEFAULT_LOCALE: title.strip()},
            ours=True,
            description=description,
            keywords=tuple(keywords),
        )
        clusters = list(part.clusters)
        position = len(clusters)
        if after is not None:
            position = [c.number for c in clusters].index(self.cluster(after).number) + 1
        clusters.insert(position, cluster)
        return self._replace_part(replace(part, clusters=tuple(clusters)))

    def merged(self, source: str, into: str) -> Codebook:
        """Cluster ``source`` folded into ``into``: its examples and keywords move along."""
        gone, target = self.cluster(source), self.cluster(into)
        if gone.chapter != target.chapter or source == into:
            raise CodebookError(f"cannot merge {source} into {into}: not two clusters of one part")
        merged = replace(
            target,
            keywords=tuple(dict.fromkeys(target.keywords + gone.keywords)),
            examples=target.examples + gone.examples,
        )
        return self._replace_cluster(into, merged).removed(source)

    def removed(self, number: str) -> Codebook:
        cluster = self.cluster(number)
        part = self.part(cluster.chapter)
        return self._replace_part(
            replace(part, clusters=tuple(c for c in part.clusters if c.number != number))
        )

    def reordered(self, chapter: str, numbers: Iterable[str]) -> Codebook:
        """Part ``chapter`` with its clusters in the order of ``numbers`` (all of them)."""
        part = self.part(chapter)
        order = list(numbers)
        if sorted(order) != sorted(c.number for c in part.clusters):
            raise CodebookError(f"part {chapter}: the new order must name each cluster once")
        by_number = {c.number: c for c in part.clusters}
        return self._replace_part(replace(part, clusters=tuple(by_number[n] for n in order)))

    def with_examples(self, examples: Mapping[str, Iterable[str]]) -> Codebook:
        """The same codebook with each cluster's examples replaced (absent: none)."""
        parts = tuple(
            replace(
                p,
                clusters=tuple(
                    replace(c, examples=tuple(examples.get(c.number, ()))) for c in p.clusters
                ),
            )
            for p in self.parts
        )
        return Codebook(parts, self.name)

    def changes_from(self, old: Codebook) -> list[str]:
        """One line per difference from ``old``: what an import is about to change."""
        lines = []
        old_numbers = {c.number for c in old.clusters()}
        new_numbers = {c.number for c in self.clusters()}
        for number in sorted(new_numbers - old_numbers, key=number_key):
            lines.append(f"added {number} {self.title(number)}")
        for number in sorted(old_numbers - new_numbers, key=number_key):
            lines.append(f"removed {number} {old.title(number)}")
        for number in sorted(old_numbers & new_numbers, key=number_key):
            if old.cluster(number).titles != self.cluster(number).titles:
                lines.append(f"renamed {number} {old.title(number)} -> {self.title(number)}")
        for part in self.parts:
            try:
                before = [c.number for c in old.part(part.chapter).clusters]
            except KeyError:
                continue
            kept = [c.number for c in part.clusters if c.number in before]
            if kept != [n for n in before if n in kept]:
                lines.append(f"reordered part {part.chapter}")
        return lines

    def _replace_cluster(self, number: str, new: CodebookCluster) -> Codebook:
        part = self.part(self.cluster(number).chapter)
        clusters = tuple(new if c.number == number else c for c in part.clusters)
        return self._replace_part(replace(part, clusters=clusters))

    def _replace_part(self, new: CodebookPart) -> Codebook:
        parts = tuple(new if p.chapter == new.chapter else p for p in self.parts)
        return Codebook(parts, self.name)


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(x) if x.isdigit() else 0 for x in number.split("."))


def next_number(part: CodebookPart) -> str:
    taken = [number_key(c.number)[-1] for c in part.clusters]
    return f"{part.chapter}.{max(taken, default=0) + 1}"


def validate(codebook: Codebook) -> None:
    """Raise ``CodebookError`` when parts or clusters contradict each other."""
    chapters: set[str] = set()
    numbers: set[str] = set()
    for part in codebook.parts:
        if not part.chapter.isdigit() or part.chapter in chapters:
            raise CodebookError(f"part {part.chapter!r}: part numbers must be distinct digits")
        chapters.add(part.chapter)
        if not part.titles.get(DEFAULT_LOCALE, "").strip():
            raise CodebookError(f"part {part.chapter}: needs a Dutch title (title_nl)")
        for cluster in part.clusters:
            head, _, tail = cluster.number.partition(".")
            if head != part.chapter or not tail.isdigit():
                raise CodebookError(
                    f"cluster {cluster.number!r}: its number must be {part.chapter}.<number>"
                )
            if cluster.number in numbers:
                raise CodebookError(f"cluster {cluster.number}: appears twice")
            numbers.add(cluster.number)
            if not cluster.titles.get(DEFAULT_LOCALE, "").strip():
                raise CodebookError(f"cluster {cluster.number}: needs a Dutch title (title_nl)")
            unknown = set(cluster.titles) - set(LOCALES)
            if unknown:
                raise CodebookError(f"cluster {cluster.number}: unknown locale {sorted(unknown)}")
