"""A facilitator runs a round from the chat, through the real runtimes and the Bot API
stand-in; someone else trying the same commands learns nothing."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.app import App
from bot.running import BackgroundBot
from bot.settings import Settings
from consultation import consultations, facilitators, meetings
from consultation.questions import parse_question_set as questions_from
from dialogs import exporting
from loopback import LoopbackServer
from tests.bot.conftest import RUNTIMES, TOKEN
from tests.bot.test_question_sets import QUESTIONS

FACILITATOR = 7001

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(params=RUNTIMES)
async def round_table(request, tmp_path, deidentifier):
    async with LoopbackServer(token=TOKEN) as server:
        settings = Settings(
            TOKEN, server.base_url, tmp_path / "bot.db", frozenset({FACILITATOR}), None, 30
        )
        app = App.open(settings, deidentifier)
        bot = BackgroundBot(app, request.param, TOKEN, server.base_url)
        await bot.start()
        try:
            yield server, app
        finally:
            await bot.stop()
            app.close()


def texts(phone) -> str:
    return "\n".join(phone.bot_texts())


async def create(phone) -> str:
    await phone.send("/new")
    assert "What is its title?" in phone.last_bot_text()
    await phone.send("Ronde 3: inhaalronde")
    await phone.press("Today")
    await phone.send("2099-12-31")
    await phone.press("The standard questions")
    created = phone.last_bot_text()
    assert "“Ronde 3: inhaalronde” has been created" in created
    return created.split("(")[1].split(")")[0]


async def answer_everything(server, user_id: int, link: str, text: str) -> None:
    phone = server.user(user_id, language_code="en")
    await phone.send(f"/start {link.split('start=')[1]}")
    await phone.press("✓ English")
    await phone.press("I agree")
    await phone.press("Skip")  # organisation
    for _ in range(5):
        await phone.send(text)
        await phone.press("Done ✓")
    await phone.press("Submit my answers")


async def test_a_facilitator_runs_a_round_from_the_phone(round_table):
    server, app = round_table
    phone = server.user(FACILITATOR, language_code="en")
    cid = await create(phone)
    consultation = app.store.consultations.get(cid)
    assert consultation.closes_on == "2099-12-31" and consultation.status == "open"

    await phone.send(f"/invite {cid}")
    links = phone.bot_texts()[-3]
    assert "Invitation links for “Ronde 3: inhaalronde”, session 1" in links
    photos = phone.bot_files("photo")
    assert len(photos) == 2 and all(p.data.startswith(PNG) for p in photos)
    captions = phone.bot_texts()[-2:]
    assert captions[0].startswith("Stakeholders, session 1\nhttps://t.me/rondetafel_bot?start=")
    assert captions[1].startswith("Experience experts, session 1\nhttps://t.me/")
    stakeholder_link = captions[0].split("\n")[1]

    await answer_everything(server, 7101, stakeholder_link, "Samenwerking loopt goed.")
    await phone.send(f"/status {cid}")
    status = phone.bot_texts()[-2]
    assert "Stakeholders – places on invite links: 1, started: 1, submitted: 1" in status
    assert "Question 1: 1 answered, 0 in progress" in status
    assert phone.last_bot_message().photo.data.startswith(PNG)  # the chart

    for label, suffix in [
        ("Word (bloemlezing)", "docx"),
        ("Excel (coding sheet)", "xlsx"),
        ("CSV (coding sheet)", "csv"),
        ("Markdown", "md"),
        ("Web page", "html"),
        ("JSON (data)", "json"),
    ]:
        before = len(phone.bot_files())
        await phone.send(f"/export {cid}")
        await phone.press(label)
        new = phone.bot_files()[before:]
        names = [f.file_name for f in new]
        assert (
            names[0]
            == f"{'codering' if suffix in ('xlsx', 'csv') else 'bloemlezing'}-{cid}.{suffix}"
        )
        if suffix in ("docx", "md", "html"):
            assert names[1] == f"bloemlezing-{cid}-bijdragen.{suffix}"  # the action plan's
        assert all(f.data for f in new)
    markdown = next(f for f in phone.bot_files() if f.file_name.endswith(f"{cid}.md"))
    assert "Samenwerking loopt goed." in markdown.data.decode()
    exported = next(f for f in phone.bot_files() if f.file_name.endswith(".json"))
    assert json.loads(exported.data)

    await phone.send(f"/close {cid}")
    assert "is closed: nobody can join or answer any more" in phone.last_bot_text()
    late = server.user(7102, language_code="en")
    await late.send(f"/start {stakeholder_link.split('start=')[1]}")
    assert "closed" in late.last_bot_text()
    await phone.press("Open it again")
    assert phone.last_bot_text() == "“Ronde 3: inhaalronde” is open again."
    assert app.store.consultations.get(cid).status == "open"

    actions = [e.action for e in app.store.audit.entries(cid)]
    assert actions[:3] == ["create", "invite", "invite"]
    assert {"status", "export", "close", "reopen"} <= set(actions)
    whos = {e.who for e in app.store.audit.entries(cid)}
    assert len(whos) == 1 and str(FACILITATOR) not in next(iter(whos))
    details = " ".join(e.detail for e in app.store.audit.entries())
    assert "Samenwerking" not in details


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_someone_else_gets_the_ordinary_unknown_command_answer(round_table, language):
    server, app = round_table
    cid = consultations.create(app.core, "Ronde 1", "2026-12-01").id
    stranger = server.user(7200, language_code=language)
    await stranger.send("/nonsense")
    unknown = stranger.last_bot_text()
    for command in (
        "/new",
        "/invite",
        f"/invite {cid} expert",
        "/status",
        f"/status {cid}",
        "/export",
        f"/export {cid} docx",
        "/close",
        "/reopen",
        "/remind",
        "/facilitators",
        "/consultations",
    ):
        await stranger.send(command)
        assert stranger.last_bot_text() == unknown, command
    assert stranger.bot_files("photo") == [] and stranger.bot_files() == []
    assert app.store.audit.entries() == []


async def test_an_added_facilitator_runs_only_their_consultation(round_table):
    server, app = round_table
    admin = server.user(FACILITATOR, language_code="en")
    mine = consultations.create(app.core, "Ronde A", "2026-12-01").id
    other = consultations.create(app.core, "Ronde B", "2026-12-01").id
    await admin.send(f"/facilitators {mine}")
    await admin.press("Add a facilitator")
    link = admin.last_bot_text().split("\n")[-1]
    assert link.startswith("https://t.me/rondetafel_bot?start=f")

    colleague = server.user(7300, language_code="nl")
    await colleague.send("/status")
    unknown = colleague.last_bot_text()
    assert "status" not in colleague.menu() and "forget" in colleague.menu()
    await colleague.send(f"/start {link.split('start=')[1]}")
    assert "U bent nu begeleider van ‘Ronde A’" in colleague.last_bot_text()
    assert colleague.menu()[:3] == ["new", "consultations", "status"]
    await colleague.send("/status")  # only one consultation is theirs: no need to choose
    assert colleague.bot_texts()[-2].startswith(f"Ronde A ({mine})")
    await colleague.send(f"/status {other}")
    assert colleague.last_bot_text() == f"Er is geen consultatie met id {other}."
    stranger = server.user(7301, language_code="nl")
    await stranger.send(f"/start {link.split('start=')[1]}")  # used up: an ordinary refusal
    await stranger.send("/status")
    assert stranger.last_bot_text() == unknown

    label = facilitators.listing(app.core, mine)[0].label
    await admin.send(f"/facilitators {mine}")
    await admin.press(f"Remove {label}")
    assert admin.last_bot_text() == f"{label} is no longer a facilitator of this consultation."
    await colleague.send("/status")
    assert colleague.last_bot_text() == unknown


async def test_administrators_find_their_commands_in_the_menu_and_in_help(round_table):
    server, _ = round_table
    admin = server.user(FACILITATOR, language_code="nl")
    await admin.send("/help")
    assert "Voor begeleiders:" in texts(admin) and "/export" in texts(admin)
    assert {"status", "invite", "export", "forget"} <= set(admin.menu())
    participant = server.user(7302, language_code="nl")
    assert "export" not in participant.menu()
    await participant.send("/help")
    assert "begeleider" not in texts(participant)


async def test_a_new_round_copies_questions_and_adds_a_catch_up_session(round_table):
    server, app = round_table
    phone = server.user(FACILITATOR, language_code="en")
    earlier = consultations.create(
        app.core, "Ronde 1", "2026-12-01", questions=three_questions()
    ).id
    await phone.send("/new")
    await phone.send("   ")
    assert phone.last_bot_text() == "A consultation needs a title."  # and the step stays
    await phone.send("Ronde 2")
    await phone.send("first of december")
    assert "is not a date" in phone.last_bot_text()
    await phone.send("2026-12-05")
    await phone.send("2026-12-04")  # before the round table
    assert "too early" in phone.last_bot_text()
    await phone.press("No closing date")
    await phone.press("As in: Ronde 1")
    cid = phone.last_bot_text().split("(")[1].split(")")[0]
    assert cid != earlier
    assert len(consultations.questions_of(app.store.consultations.get(cid))) == 3

    await phone.send(f"/invite {cid}")
    await phone.press("Start a catch-up session (new links)")
    assert "Session 2 has started" in "\n".join(phone.bot_texts())
    assert phone.bot_texts()[-1].startswith("Experience experts, session 2\n")
    assert meetings.count(app.core, cid) == 2
    await phone.send(f"/status {cid}")
    assert "Sessions so far: 2" in phone.bot_texts()[-2]


async def test_a_large_export_shows_its_steps(round_table, monkeypatch):
    server, app = round_table
    monkeypatch.setattr(exporting, "PROGRESS_FROM", 1)
    cid = consultations.create(app.core, "Ronde groot", "2026-12-01").id
    phone = server.user(FACILITATOR, language_code="en")
    await phone.send(f"/invite {cid} stakeholder")
    await answer_everything(server, 7400, phone.bot_texts()[-2], "Veel werk met weinig mensen.")
    await phone.send(f"/export {cid} docx")
    for _ in range(200):  # the steps take their time: wait as a person would
        if len(phone.bot_files()) == 2:
            break
        await asyncio.sleep(0.05)
    said = phone.bot_texts()[-4:]
    assert said[0].startswith("Step 1 of 2: cutting 5 answers into quotes")
    assert said[1] == "Step 2 of 2: writing the file (Word (bloemlezing))."
    assert [f.file_name for f in phone.bot_files()] == [
        f"bloemlezing-{cid}.docx",
        f"bloemlezing-{cid}-bijdragen.docx",
    ]


async def test_a_facilitator_sets_the_reminder(round_table):
    server, app = round_table
    cid = consultations.create(app.core, "Ronde R", "2026-12-01").id
    phone = server.user(FACILITATOR, language_code="en")
    await phone.send(f"/remind {cid}")
    assert "one reminder after 48 hours" in phone.last_bot_text()
    await phone.press("After 72 h")
    assert phone.last_bot_text() == "From now on, the reminder comes after 72 hours of pause."
    await phone.send(f"/remind {cid} off")
    assert phone.last_bot_text() == "Reminders are off for this consultation."
    assert app.store.consultations.get(cid).remind_after_hours == 0


def three_questions():
    return questions_from(QUESTIONS)
