"""``rondetafel demo``: a complete local consultation with no token and no internet.

A loopback Bot API stand-in, the real runtime, and simulated participants (both roles,
Dutch and English) who answer in the chat as people would: several messages, edits,
skips, pauses across a bot restart. Then the exports, and where to find them.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from datetime import date
from pathlib import Path

import yaml

from bot.app import App
from bot.facilitation import print_status
from bot.running import BackgroundBot
from bot.settings import Settings
from bot.telegram import TelegramLinks
from consultation import consultations, export, invitations, progress
from demo.participant import SimulatedParticipant
from loopback import LoopbackServer

TOKEN = "123456789:DEMO-token-for-the-loopback-stand-in"
USERNAME = "rondetafel_demo_bot"
PARTICIPANTS = Path(__file__).with_name("participants.yaml")
FORMATS = ("md", "html", "docx", "json", "xlsx", "csv")
CONCURRENT = 8


async def _together(walks, at_once: int = CONCURRENT) -> None:
    """Several people in their own chats at the same time, as on a real evening."""
    gate = asyncio.Semaphore(at_once)

    async def walk(coroutine):
        async with gate:
            await coroutine

    await asyncio.gather(*(walk(w) for w in walks))


def _fresh(out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db}{suffix}").unlink()
    with contextlib.suppress(FileNotFoundError):
        db.with_suffix(".key").unlink()
    exports = out / "export"
    shutil.rmtree(exports, ignore_errors=True)
    exports.mkdir()
    return db


async def _demo(out: Path, runtime: str) -> list[Path]:
    db = _fresh(out)
    people = yaml.safe_load(PARTICIPANTS.read_text(encoding="utf-8"))["participants"]
    async with LoopbackServer(token=TOKEN, bot_username=USERNAME, per_chat_settle=True) as server:
        settings = Settings(
            TOKEN, server.base_url, db, frozenset(), None, 30, send_rate=0.0
        )  # the stand-in has no rate limit; Telegram's (30 messages/s) is the default
        app = App.open(settings)
        try:
            consultation = consultations.create(
                app.core, "Consultatie aanpak mensenhandel (demo)", date.today().isoformat()
            )
            links = TelegramLinks(username=USERNAME)
            tokens = {
                role: invitations.invite(
                    app.core,
                    consultation.id,
                    role,
                    links,
                    uses=sum(p["role"] == role for p in people),
                ).link.rpartition("start=")[2]
                for role in ("stakeholder", "expert")
            }
            bot = BackgroundBot(app, runtime, TOKEN, server.base_url)
            await bot.start()
            simulated = [
                SimulatedParticipant(
                    server.user(20_000 + i, language_code=p["lang"]),
                    p,
                    tokens[p["role"]],
                    app.engine.texts,
                )
                for i, p in enumerate(people)
            ]
            print(f"{len(simulated)} simulated participants are answering in the chat ...")
            await _together(person.take_part() for person in simulated)
            await bot.stop()
            print("the bot restarts; participants who paused come back ...")
            await bot.start()
            await _together(person.resume() for person in simulated)
            await bot.stop()
            print()
            print_status(progress.report(app.core, consultation.id))
            paths = [_transcript(simulated[0], out), _transcript(simulated[-1], out)]
            for fmt in FORMATS:
                target = out / "export" / f"bloemlezing.{fmt}"
                paths += export.export(app.core, consultation.id, fmt, target).files
            return paths
        finally:
            app.close()


def _transcript(person: SimulatedParticipant, out: Path) -> Path:
    """The chat as the participant's phone shows it at the end, for reading along."""
    path = out / f"chat-{person.person['role']}-{person.phone.user_id}.txt"
    lines = []
    for message in person.phone.chat.messages.values():
        who = "bot" if message.from_bot else "participant"
        state = " (deleted)" if message.deleted else ""
        lines.append(f"--- {who}{state}\n{message.text or ''}")
        lines += [f"   [{label}]" for label in message.buttons]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


WHAT = {
    ".txt": "a participant's chat, message by message",
    ".md": "Markdown",
    ".html": "a standalone, printable page",
    ".docx": "Word, in the house format",
    ".json": "the structured anthology",
    ".xlsx": "the work group's coding sheet",
    ".csv": "the coding sheet for Dutch Excel",
}


def run_demo(out: str, runtime: str) -> int:
    paths = asyncio.run(_demo(Path(out), runtime))
    print("\nThe demo consultation is done. Files:")
    for path in paths:
        kind = "contributions (question 5), " if "bijdragen" in path.name else ""
        print(f"  {str(path):48} {kind}{WHAT.get(path.suffix, '')}")
    return 0
