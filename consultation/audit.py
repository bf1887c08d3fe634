"""The audit log of facilitators' actions: who (a keyed hash), when, what.

Every action a facilitator takes, in the chat or on the command line, is recorded here once,
by the consultation action itself or by the channel that served it. Details are names and
counts (``format=docx``, ``role=expert uses=15``), never anyone's words.
"""

from __future__ import annotations

from consultation.core import Core
from storage.records import AuditEntry

COMMAND_LINE = "command-line"  # who, for actions taken on the server


def who(core: Core, user_key: str) -> str:
    """A short keyed name of a facilitator's account, the same in the log and in lists of
    facilitators, that reveals nothing of the account."""
    return "f-" + core.keyring.derive("facilitator", user_key)[:8]


def record(
    core: Core, actor: str, action: str, consultation_id: str | None = None, **detail: object
) -> None:
    text = " ".join(f"{k}={v}" for k, v in detail.items() if v is not None)
    with core.store.transaction():
        core.store.audit.add(actor, action, consultation_id, text)


def entries(core: Core, consultation_id: str | None = None) -> list[AuditEntry]:
    return core.store.audit.entries(consultation_id)
