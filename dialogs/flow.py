"""The consultation as data: states, what each accepts, and where it leads.

Each state names its prompt and maps triggers to handlers of ``dialogs.engine.Engine``
(``on_<handler>``). Triggers are ``text``, ``button:<action>`` and, for every state,
the commands and edits in ``COMMANDS``/``ANYWHERE``. A trigger a state does not know goes
to its ``fallback``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StateSpec:
    prompt: str  # prompt builder in dialogs.prompts (``prompt_<name>``), "" for none
    on: dict[str, str] = field(default_factory=dict)
    fallback: str = "use_buttons"


FLOW: dict[str, StateSpec] = {
    "idle": StateSpec(prompt="", fallback="no_invite"),
    "language": StateSpec(prompt="language", on={"button:lang": "choose_language"}),
    "consent": StateSpec(
        prompt="consent", on={"button:agree": "agree", "button:decline": "decline"}
    ),
    "organisation": StateSpec(
        prompt="organisation",
        on={"text": "set_organisation", "button:skip": "skip_organisation"},
    ),
    "sector": StateSpec(
        prompt="sector", on={"button:sector": "choose_sector", "button:skip": "choose_sector"}
    ),
    "question": StateSpec(
        prompt="question",
        on={
            "text": "add_text",
            "button:done": "finish_question",
            "button:skip": "skip_question",
            "button:back": "previous_question",
            "button:clear": "clear_answer",
        },
    ),
    "review": StateSpec(
        prompt="review",
        on={"button:change": "change_answer", "button:submit": "submit"},
    ),
    "submitted": StateSpec(prompt="", on={"button:wipe": "wipe_chat"}, fallback="after_submit"),
    "forget": StateSpec(
        prompt="forget", on={"button:forget_yes": "forget", "button:forget_no": "keep"}
    ),
}

# Commands work in every state.
COMMANDS: dict[str, str] = {
    "start": "start",
    "help": "help",
    "privacy": "privacy",
    "forget": "ask_forget",
    "language": "ask_language",
    "consultations": "admin_list",
    "status": "admin_status",
    "invite": "admin_invite",
}

# Triggers every state handles the same way.
ANYWHERE: dict[str, str] = {
    "edit": "edit",
    "unsupported": "unsupported",
    "stale": "stale_button",
    "command": "unknown_command",
}

# States in which a participation is under way (answers can still change).
IN_PROGRESS = {"consent", "organisation", "sector", "question", "review"}


def route(state: str, trigger: str) -> str:
    """The handler for ``trigger`` in ``state``."""
    if trigger.startswith("command:"):
        return COMMANDS.get(trigger.removeprefix("command:"), ANYWHERE["command"])
    if trigger in ANYWHERE:
        return ANYWHERE[trigger]
    spec = FLOW[state]
    return spec.on.get(trigger, spec.fallback)
