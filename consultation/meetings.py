"""A consultation's sessions: the round table (session 1) and later catch-up sessions.

Each session has its own invite links (an invite remembers its session); all statements end
up in the one bloemlezing of the consultation. Nothing ties an answer to the session it was
given in: that would tell who came when.
"""

from __future__ import annotations

from consultation.consultations import find, is_open, iso_day
from consultation.core import Core
from consultation.errors import Refused
from storage.records import Meeting


def add(core: Core, consultation_id: str, day: str | None = None) -> Meeting:
    """A catch-up session; refused when the consultation is closed."""
    consultation = find(core, consultation_id)
    if not is_open(consultation):
        raise Refused("error.invite.closed", id=consultation.id)
    with core.store.transaction():
        return core.store.consultations.add_meeting(
            consultation.id, iso_day(day) if day else core.store.now().date().isoformat()
        )


def listing(core: Core, consultation_id: str) -> list[Meeting]:
    return core.store.consultations.meetings(find(core, consultation_id).id)


def count(core: Core, consultation_id: str) -> int:
    """How many sessions the consultation had (for the bloemlezing's context section)."""
    return len(core.store.consultations.meetings(consultation_id))


def current(core: Core, consultation_id: str) -> int:
    """The newest session's number: new invite links are for it."""
    return max((m.number for m in core.store.consultations.meetings(consultation_id)), default=1)


def check(core: Core, consultation_id: str, number: int | str | None) -> int:
    """A session number of this consultation (default: the newest), or ``Refused``."""
    if number is None or number == "":
        return current(core, consultation_id)
    known = {m.number for m in core.store.consultations.meetings(consultation_id)}
    text = str(number).strip()
    if not text.isdigit() or int(text) not in known:
        raise Refused("error.session.unknown", number=text, id=consultation_id)
    return int(text)
