"""A consultation's codebook as a file the work group edits, and reading it back without
undoing anything.

The file carries the consultation and the revision it was made from on a marker line (YAML:
a comment at the top; CSV: the last line). Importing a file made before a later change of the
codebook (clusters added from the coding sheet, another import, renumbering) is refused with
what changed since, so an older file never silently removes clusters the work group added.
Clusters are followed by their title as well as their number: a renumbered cluster keeps its
quotes; the quotes of a cluster that is gone are placed anew (and the import says how many,
and how many of those the work group had placed).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from analysis.codebook import Codebook, CodebookError
from analysis.codebook_formats import format_csv, format_yaml, parse_csv, parse_yaml
from consultation import revisions
from consultation.consultations import find, questions_of
from consultation.core import Core
from consultation.errors import Refused
from consultation.numbering import settle
from consultation.review import aligned, check_complete, codebook_of, prepare, save_codebook
from storage.atomic_file import atomic_path
from storage.records import Consultation

_MARKER = re.compile(r"^#\s*rondetafel codebook: consultation (\w+) revision (\d+)\b.*$", re.M)


def marker(consultation: Consultation, revision: int) -> str:
    return (
        f"# rondetafel codebook: consultation {consultation.id} revision {revision} "
        "(keep this line: it tells the import what this file was made from)"
    )


def export_codebook(core: Core, consultation_id: str, path: str | Path) -> Path:
    """The consultation's codebook, numbered as its documents print it, as YAML or CSV."""
    consultation = find(core, consultation_id)
    path = Path(path)
    prepare(core, consultation)
    settle(core, consultation)
    codebook = codebook_of(core.store, consultation)
    line = marker(consultation, revisions.current(core, consultation))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text, encoding = format_csv(codebook) + line + "\r\n", "utf-8-sig"
    elif suffix in (".yaml", ".yml"):
        text, encoding = line + "\n" + format_yaml(codebook), "utf-8"
    else:
        raise CodebookError(f"{path.name}: a codebook is written as .yaml, .yml or .csv")
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding=encoding, newline="")
    return path


def _read(path: Path) -> tuple[str, tuple[str, int] | None]:
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise CodebookError(f"{path.name}: a codebook is a .yaml, .yml or .csv file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise CodebookError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
    found = _MARKER.search(text)
    made = (found.group(1), int(found.group(2))) if found else None
    if found and suffix == ".csv":  # the line leaves; an empty one keeps the line numbers
        start, end = found.span()
        blank = "" if start == 0 else ";" * text[start:end].count(";")
        text = text[:start] + blank + text[end:]
        if start == 0:
            text = text.lstrip("\r\n")
    return text, made


def import_codebook(core: Core, consultation_id: str, path: str | Path) -> list[str]:
    """Use an edited codebook file for a consultation; return what changed, one line each."""
    consultation = find(core, consultation_id)
    path = Path(path)
    text, made = _read(path)
    if made and made[0] != consultation.id:
        raise Refused("error.codebook.other", name=path.name, made_for=made[0], id=consultation.id)
    revisions.require_current(
        core, consultation, made[1] if made else None, path.name, revisions.CODEBOOK_KINDS
    )
    parse = parse_csv if path.suffix.lower() == ".csv" else parse_yaml
    questions = questions_of(consultation)
    codebook = parse(text, path.name)  # CodebookError names the file, line and column
    check_complete(codebook, questions)
    old = codebook_of(core.store, consultation)
    new = aligned(codebook, questions)
    following, gone = follow(old, new)
    lines = _changes(old, new, following, gone)
    store = core.store
    with store.transaction():
        before = {s.id: s for s in store.statements.for_consultation(consultation.id)}
        store.revisions.renumber_statements(consultation.id, following)
        save_codebook(store, consultation, new)
        prepare(core, consultation)  # the quotes of clusters that are gone are placed anew
        after = {s.id: s.cluster for s in store.statements.for_consultation(consultation.id)}
        lines += _moved(old, new, gone, before, after)
        if lines:
            store.revisions.add(consultation.id, revisions.CODEBOOK, lines, following)
        settle(core, consultation)
    return lines


def follow(old: Codebook, new: Codebook) -> tuple[dict[str, str], set[str]]:
    """Where each old cluster is in the new codebook: by its Dutch title first (it may have
    been renumbered), else by its number when no other cluster took that (renamed). Returns
    old -> new number where they differ, and the old numbers that are gone."""
    titles: dict[tuple[str, str], list[str]] = {}
    for cluster in new.clusters():
        titles.setdefault((cluster.chapter, _title(new, cluster.number)), []).append(cluster.number)
    target: dict[str, str] = {}
    for cluster in old.clusters():
        found = titles.get((cluster.chapter, _title(old, cluster.number)), [])
        if len(found) == 1:
            target[cluster.number] = found[0]
    claimed = set(target.values())
    numbers = {c.number for c in new.clusters()}
    gone = set()
    for cluster in old.clusters():
        if cluster.number in target:
            continue
        if cluster.number in numbers and cluster.number not in claimed:
            target[cluster.number] = cluster.number  # the same place, renamed
        else:
            gone.add(cluster.number)
    return {o: n for o, n in target.items() if o != n}, gone


def _title(codebook: Codebook, number: str) -> str:
    return " ".join(codebook.title(number).split()).casefold()


def _changes(old: Codebook, new: Codebook, following: dict[str, str], gone: set[str]):
    kept = {following.get(c.number, c.number) for c in old.clusters() if c.number not in gone}
    lines = [
        f"added {c.number} {new.title(c.number)}" for c in new.clusters() if c.number not in kept
    ]
    lines += [f"removed {n} {old.title(n)}" for n in sorted(gone)]
    for number, moved in following.items():
        lines.append(f"cluster {number} {old.title(number)} is now {moved}")
    for cluster in old.clusters():
        if cluster.number in gone:
            continue
        now = following.get(cluster.number, cluster.number)
        if _title(old, cluster.number) != _title(new, now):
            lines.append(f"renamed {now} {old.title(cluster.number)} -> {new.title(now)}")
    return lines


def _moved(old, new, gone, before, after) -> list[str]:
    lines = []
    for number in sorted(gone):
        placed = [s for s in before.values() if s.cluster == number]
        if not placed:
            continue
        by_people = sum(s.decided_by == "facilitator" for s in placed)
        targets = Counter(after.get(s.id, "") for s in placed)
        where = ", ".join(f"{n} to {t} {new.title(t)}" for t, n in targets.items() if t)
        lines.append(
            f"{len(placed)} quotes of removed cluster {number} {old.title(number)} "
            f"({by_people} placed by the work group) were placed anew: {where}; check them "
            "in the coding sheet"
        )
    return lines
