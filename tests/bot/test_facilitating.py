"""A facilitator runs a round from the chat, through the real runtimes and the Bot API
stand-in; someone else trying the same commands learns nothing."""

from __future__ import annotations

import json

import pytest

from bot.app import App
from bot.running import BackgroundBot
from bot.settings import Settings
from consultation import consultations
from loopback import LoopbackServer
from tests.bot.conftest import RUNTIMES, TOKEN

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
    assert "Stakeholders: 1 invited, 1 started, 1 submitted" in status
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
