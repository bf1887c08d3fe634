"""/export in the chat: choose a format with buttons, receive the files as documents.

A large consultation is exported in steps (cutting and clustering the new answers, then
writing the document), each announced before it starts, so the facilitator sees progress;
a small one comes at once. Both end in the same export action as the command line.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from consultation import export as exporting
from consultation import facilitators, review
from consultation.errors import Refused
from dialogs.choosing import chosen, words_after_id
from dialogs.events import Event, FollowUp, SendFile
from dialogs.turn import Turn
from renderers.formats import FORMATS, separate_path

PROGRESS_FROM = 200  # answers: from this many on, an export shows its steps
ORDER = ("docx", "xlsx", "csv", "md", "html", "json")


def export(turn: Turn) -> None:
    """``/export [ID [FORMAT]]``: the format buttons, or the export itself."""
    consultation = chosen(turn, "export")
    if consultation is None:
        return
    rest = words_after_id(turn)
    if rest:
        _begin(turn, consultation.id, rest[0].lower().lstrip("."))
        return
    names = [name for name in ORDER if name in FORMATS]
    buttons = [
        turn.button(f"format.{name}", "export", f"{consultation.id} {name}") for name in names
    ]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    turn.offer(turn.t("export.choose", title=consultation.title), *rows)


def choose_format(turn: Turn) -> None:
    consultation_id, _, fmt = turn.arg.partition(" ")
    _begin(turn, consultation_id, fmt)


def _begin(turn: Turn, consultation_id: str, fmt: str) -> None:
    try:
        consultation = facilitators.find_for(
            turn.core, turn.event.user_key, turn.admins, consultation_id
        )
        if fmt not in FORMATS:
            raise Refused("error.export.format", format=fmt, known=", ".join(ORDER))
    except Refused as refusal:
        turn.refuse(refusal)
        return
    answers = len(turn.core.store.answers.for_consultation(consultation.id))
    if answers < PROGRESS_FROM:
        _finish(turn, consultation.id, fmt)
        return
    turn.say("export.step.prepare", answers=turn.number(answers))
    turn.actions.append(_later(turn, consultation.id, fmt, "prepare"))


def step(turn: Turn) -> None:
    """A step of a large export the engine asked for itself (``FollowUp``)."""
    words = turn.event.text.split()
    if len(words) != 4:
        return
    _, consultation_id, fmt, stage = words
    try:
        consultation = facilitators.find_for(
            turn.core, turn.event.user_key, turn.admins, consultation_id
        )
    except Refused as refusal:
        turn.refuse(refusal)
        return
    if stage == "prepare":
        review.prepare(turn.core, consultation)
        turn.say("export.step.write", format=turn.t(f"format.{fmt}"))
        turn.actions.append(_later(turn, consultation.id, fmt, "write"))
    else:
        _finish(turn, consultation.id, fmt)


def _later(turn: Turn, consultation_id: str, fmt: str, stage: str) -> FollowUp:
    event = Event(
        turn.event.user_key,
        "later",
        text=f"export {consultation_id} {fmt} {stage}",
        language_code=turn.event.language_code,
    )
    return FollowUp(event)


def _finish(turn: Turn, consultation_id: str, fmt: str) -> None:
    stem = "codering" if FORMATS[fmt].sheet else "bloemlezing"
    with tempfile.TemporaryDirectory(prefix="rondetafel-export-") as folder:
        target = Path(folder) / f"{stem}-{consultation_id}.{fmt}"
        try:
            result = exporting.export(turn.core, consultation_id, fmt, target, turn.actor)
        except Refused as refusal:
            turn.refuse(refusal)
            return
        for path in result.files:
            separate = path == separate_path(target)
            caption = turn.t("export.separate" if separate else "export.caption")
            turn.actions.append(SendFile(path.name, path.read_bytes(), caption=caption))
    if result.empty:
        turn.say("export.empty")
