"""The chat and the command line share one code path: the same case gives the same answer
and the same result through both (a facilitator may use either)."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.telegram import TelegramLinks
from consultation import consultations
from consultation.core import Core
from dialogs.engine import Engine
from dialogs.events import Event
from locales.texts import Texts
from privacy.keys import Keyring
from storage.store import Store
from tests.dialogs.conftest import PhoneRedactor

SECRET = "a-long-enough-secret-for-this-test"
ADMIN = "facilitator-key"


@pytest.fixture
def world(tmp_path, monkeypatch):
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "one.db"))
    monkeypatch.setenv("RONDETAFEL_SECRET", SECRET)
    store = Store.open(tmp_path / "one.db")
    core = Core(store, Keyring(SECRET.encode()), PhoneRedactor())
    with store.transaction():
        store.set_meta("bot_username", "rondetafel_bot")
    engine = Engine(core, Texts(), frozenset({ADMIN}), TelegramLinks(store))
    yield core, engine
    store.close()


def chat(engine, command, text):
    outcome = engine.handle(Event(ADMIN, "command", text, command, language_code="en"))
    return "\n".join(outcome.texts)


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def invites(core, consultation_id):
    return len(core.store.invites.for_consultation(consultation_id))


@pytest.mark.parametrize(
    "words, expected",
    [
        ("{cid} stakeholder 0", "The number of uses must be a whole number from 1 to"),
        ("{cid} boss 3", '"boss" is not a role'),
        ("nope stakeholder 3", "There is no consultation with id nope."),
    ],
)
def test_an_invite_is_refused_alike(world, capsys, words, expected):
    core, engine = world
    cid = consultations.create(core, "Ronde", "2026-12-01").id
    words = words.format(cid=cid)
    said = chat(engine, "invite", words)
    consultation, role, uses = words.split()
    code, _, err = cli(
        capsys, "invite", "--consultation", consultation, "--role", role, "--uses", uses
    )
    assert expected in said
    assert code == 2 and err == f"rondetafel: {said}"
    assert invites(core, cid) == 0


def test_no_invite_to_a_closed_consultation_from_either(world, capsys):
    core, engine = world
    cid = consultations.create(core, "Ronde", "2026-12-01").id
    code, out, _ = cli(capsys, "consultation", "close", cid)
    assert code == 0
    said = chat(engine, "invite", f"{cid} stakeholder 0")
    assert said == f"Consultation {cid} is closed: open it again first (reopen) to invite people."
    code, _, err = cli(capsys, "invite", "--consultation", cid, "--role", "stakeholder")
    assert code == 2 and err == f"rondetafel: {said}"
    assert invites(core, cid) == 0
    cli(capsys, "consultation", "reopen", cid)
    link = chat(engine, "invite", f"{cid} expert 2")
    code, out, _ = cli(capsys, "invite", "--consultation", cid, "--role", "expert")
    for made in (link, out):
        assert made.startswith("https://t.me/rondetafel_bot?start=")
    assert invites(core, cid) == 2


def test_reopening_an_open_round_or_closing_a_closed_one_is_said_alike(world, capsys):
    core, engine = world
    cid = consultations.create(core, "Ronde", "2026-12-01").id
    said = chat(engine, "reopen", cid)
    code, _, err = cli(capsys, "consultation", "reopen", cid)
    assert said == "“Ronde” is already open." and code == 2 and err == f"rondetafel: {said}"
    cli(capsys, "consultation", "close", cid)
    said = chat(engine, "close", cid)
    code, _, err = cli(capsys, "consultation", "close", cid)
    assert said == "“Ronde” is already closed." and code == 2 and err == f"rondetafel: {said}"
    assert [e.action for e in core.store.audit.entries(cid)].count("close") <= 1


def test_status_counts_are_the_same_in_chat_and_command_line(world, capsys):
    core, engine = world
    cid = consultations.create(core, "Ronde", "2026-12-01").id
    chat(engine, "invite", f"{cid} expert 7")
    said = chat(engine, "status", cid)
    code, out, _ = cli(capsys, "status", "--consultation", cid)
    assert "Experience experts – places on invite links: 7, started: 0, submitted: 0" in said
    expert_line = next(line for line in out.splitlines() if line.startswith("expert"))
    assert expert_line.split() == ["expert", "7", "0", "0"]
