"""Whatever a person does, in whatever order: the engine never fails, always answers, and
never loses an answer that was submitted (unless its own author erased it)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultation import consultations
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Event
from dialogs.states import State
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor

USERS = ("ana", "bo")
COMMANDS = ("start", "help", "privacy", "forget", "language", "status", "nonsense", "invite")
ACTIONS = (
    "lang",
    "agree",
    "decline",
    "skip",
    "done",
    "back",
    "clear",
    "change",
    "submit",
    "wipe",
    "forget_yes",
    "forget_no",
    "sector",
)

texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=60
) | st.sampled_from(["", " ", "\u202eevil", '=HYPERLINK("x")', "😀" * 5, "x" * 3100])

step = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(USERS), texts),
    st.tuples(st.just("command"), st.sampled_from(USERS), st.sampled_from(COMMANDS)),
    st.tuples(st.just("button"), st.sampled_from(USERS), st.sampled_from(ACTIONS)),
    st.tuples(st.just("current"), st.sampled_from(USERS), st.sampled_from(ACTIONS)),
    st.tuples(st.just("edit"), st.sampled_from(USERS), texts),
    st.tuples(st.just("unsupported"), st.sampled_from(USERS), st.sampled_from(["photo", "poll"])),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=40), st.integers(0, 3))
def test_random_conversations_keep_the_engine_whole(steps, arg):
    store = Store.memory()
    core = Core(store, Keyring(b"k" * 32), PhoneRedactor())
    engine = Engine(core, Texts(), frozenset({"bo"}))
    consultation = consultations.create(core, "R", "2026-12-01")
    token = store.invites.create(consultation.id, "expert")
    ref = 0
    for kind, user, value in steps:
        ref += 1
        submitted_before = store.db["answers"].count
        if kind == "command":
            text = token if value == "start" else f"{consultation.id} expert 2"
            event = Event(user, "command", text=text, command=value, ref=str(ref))
        elif kind in ("button", "current"):
            session = store.sessions.load(user) or {}
            step_no = session.get("step", 0) if kind == "current" else arg
            extra = {"lang": "en", "change": str(arg + 1), "sector": "police"}.get(value, "")
            event = Event(user, "button", text=f"{step_no}:{value}:{extra}")
        elif kind == "edit":
            event = Event(user, "edit", text=value, ref=str(max(1, ref - arg)))
        elif kind == "unsupported":
            event = Event(user, "unsupported", what=value, ref=str(ref))
        else:
            event = Event(user, "text", text=value, ref=str(ref))
        outcome = engine.handle(event)
        assert outcome.texts or outcome.notice, f"no answer to {kind} {value!r}"
        assert outcome.state in {s.value for s in State} | {""}
        erased_own = kind in ("button", "current") and value == "forget_yes"
        if not erased_own:
            assert store.db["answers"].count >= submitted_before
    store.close()
