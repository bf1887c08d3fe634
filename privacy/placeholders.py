"""From findings to the anonymised text: overlap resolution, numbering, placeholders."""

from __future__ import annotations

import re
from collections.abc import Sequence

from privacy.folding import fold_lower
from privacy.statement import HARD_LABELS, Finding

# Labels whose entities get numbers when one answer has several ("[naam 1]", "[naam 2]").
NUMBERED = frozenset({"name", "place", "organisation", "employer", "street"})
SOFT_PRIORITY = {"name": 4, "employer": 3, "organisation": 3, "place": 2, "street": 1}
# "a village called X" is a place, "the farm of / ferma X" an employer, not a person
STEP_PRIORITY = {"place_cue": 5, "employer_cue": 6}
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "el", "al", "la", "le"})


def resolve(findings: list[Finding]) -> list[Finding]:
    """Non-overlapping findings in text order.

    Validated identifiers (phone, IBAN, ...) win over names, places and organisations;
    within each group the longer finding wins, so "Kwekerij Van den Berg" beats
    "Van den Berg".
    """
    ranked = sorted(
        findings,
        key=lambda f: (
            f.label in HARD_LABELS,
            f.length,
            STEP_PRIORITY.get(f.step, SOFT_PRIORITY.get(f.label, 0)),
            -f.start,
        ),
        reverse=True,
    )
    chosen: list[Finding] = []
    for f in ranked:
        if f.length > 0 and not any(f.overlaps(c.start, c.end) for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return chosen


# A capitalised word glued to a name by a hyphen is part of it: "Horváth-Kiss Anna"
# (Hungarian and Spanish double family names), "Anna Kovács-Tóth".
Spans = Sequence[tuple[int, int]]
_CAPITALISED = r"[^\W\d_a-zà-ÿ][\w']*"
_HYPHEN_BEFORE = re.compile(rf"(?<![\w-])(?:{_CAPITALISED}-|{_CAPITALISED}-{_CAPITALISED}[ ])$")
_HYPHEN_AFTER = re.compile(rf"^(?:-{_CAPITALISED}|[ ]{_CAPITALISED}-{_CAPITALISED})(?![\w-])")


def _with_hyphenated(f: Finding, text: str, taken: list[Finding], kept: Spans) -> Finding:
    def free(s: int, e: int) -> bool:
        return not any(s < k_end and k_start < e for k_start, k_end in kept)

    start, end = f.start, f.end
    before = _HYPHEN_BEFORE.search(text, max(0, start - 40), start)
    if before and not any(t.end > before.start() for t in taken) and free(*before.span()):
        start = before.start()
    after = _HYPHEN_AFTER.match(text[end : end + 40])
    if after and free(end, end + after.end()):
        end += after.end()
    if (start, end) == (f.start, f.end):
        return f
    return Finding(start, end, f.label, f.step, f.key)


def merge_names(findings: list[Finding], text: str, kept: Spans = ()) -> list[Finding]:
    """Join a name that was found in pieces ("Kovács" + "Anna") into one finding, with
    a family name glued to it by a hyphen ("Horváth-Kiss Anna")."""
    merged: list[Finding] = []
    for index, f in enumerate(findings):
        if f.label == "name":
            f = _with_hyphenated(f, text, merged, kept)
            following = findings[index + 1].start if index + 1 < len(findings) else len(text)
            if f.end > following:
                f = Finding(f.start, following, f.label, f.step, f.key)
        if merged:
            last = merged[-1]
            gap = text[last.end : f.start]
            if last.label == f.label == "name" and gap.strip() == "" and "\n" not in gap:
                merged[-1] = Finding(
                    last.start, f.end, "name", last.step, f"{last.key} {f.key}".strip()
                )
                continue
        merged.append(f)
    return merged


def _key_words(finding: Finding, text: str) -> frozenset[str]:
    """Words of an entity, without accents: "Bogdănești" and "bogdanesti" are one."""
    raw = fold_lower(finding.key or text[finding.start : finding.end])
    words = [w.strip(".,'\"") for w in raw.split()]
    return frozenset(w for w in words if len(w) > 1 and w not in _PARTICLES)


def number_entities(findings: list[Finding], text: str) -> list[int]:
    """Entity number per finding (0 for labels that are not numbered)."""
    entities: dict[str, list[frozenset[str]]] = {}
    numbers = []
    for f in findings:
        if f.label not in NUMBERED:
            numbers.append(0)
            continue
        words = _key_words(f, text)
        known = entities.setdefault(f.label, [])
        for index, entity in enumerate(known):
            if words and entity and (words <= entity or entity <= words):
                known[index] = entity | words
                numbers.append(index + 1)
                break
        else:
            known.append(words)
            numbers.append(len(known))
    totals = {label: len(known) for label, known in entities.items()}
    return [n if n and totals[f.label] > 1 else 0 for f, n in zip(findings, numbers, strict=False)]


def render(
    text: str, findings: list[Finding], words: dict[str, str]
) -> tuple[str, list[tuple[int, int, str, int, int]]]:
    """Replace each finding by its placeholder; spans: (start, end) in the new text,
    label, (start, end) of what it replaced in ``text``."""
    numbers = number_entities(findings, text)
    parts: list[str] = []
    spans: list[tuple[int, int, str, int, int]] = []
    cursor = length = 0
    for f, number in zip(findings, numbers, strict=False):
        parts.append(text[cursor : f.start])
        length += f.start - cursor
        word = words.get(f.label, f.label)
        placeholder = f"[{word} {number}]" if number else f"[{word}]"
        spans.append((length, length + len(placeholder), f.label, f.start, f.end))
        parts.append(placeholder)
        length += len(placeholder)
        cursor = f.end
    parts.append(text[cursor:])
    return "".join(parts), spans
