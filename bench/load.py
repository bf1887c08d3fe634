"""Many participants at once, through the real runtimes, against the stand-in at a realistic
Bot API delay; beside it a bare echo bot on the same runtime and stand-in (the ceiling).

    .venv/bin/python bench/load.py [--participants 100 500] [--delays 0 0.05]
                                   [--runtimes aiogram ptb] [--stored 10000]

Each participant takes up an invite, chooses a language, agrees, answers five questions in
one to three messages each (some pause after question two and come back with /start), and
submits; both roles, several languages. Printed per runtime, delay and number of
participants: updates/s, reply p50/p95/p99 (from an update's arrival at the stand-in to the
bot's first call for that chat after it), CPU ms per update (the whole process, stand-in
included, for both the bot and the echo), peak RSS, database size, and whether every answer
landed exactly once. The echo bot answers every update of the same kind of run (a message
with buttons for text, a new message for a press), with concurrent handling.

Also printed: in-process p50/p99 of one answer message through engine, de-identification and
storage (no channel), and memory with 100 versus ``--stored`` stored participants.
Figures, not assertions: the machine is shared and noisy; compare within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.app import load_deidentifier  # noqa: E402
from consultation import consultations  # noqa: E402
from consultation.core import Core  # noqa: E402
from consultation.questions import ROLES  # noqa: E402
from loopback import LoopbackServer  # noqa: E402
from privacy.keys import Keyring  # noqa: E402
from storage.records import SubmittedAnswer  # noqa: E402
from storage.store import Store  # noqa: E402

TOKEN = "123456789:LOAD-token-for-the-stand-in"
LANGS = {"nl": ("Nederlands", "Ik ga akkoord", "Klaar ✓", "Overslaan", "Mijn antwoorden insturen")}
LANGS["en"] = ("English", "I agree", "Done ✓", "Skip", "Submit my answers")
SENTENCES = [
    "Steeds meer werving gaat via sociale media en dat is lastig te volgen.",
    "De samenwerking tussen gemeenten en politie gaat beter dan een paar jaar geleden.",
    "Er zijn te weinig opvangplekken voor mannen die uitgebuit zijn in de logistiek.",
    "Recruitment moves online and agencies change their names every few months.",
    "Victims often do not know where to go, and the helpline is not well known.",
    "We need one place where signals come together and someone takes the lead.",
]


class Recorder:
    """Arrival of each update at the stand-in, and the bot's first call for that chat after."""

    def __init__(self, server: LoopbackServer) -> None:
        self.server = server
        self.pending: dict[int, list[float]] = {}
        self.latencies: list[float] = []
        self.updates = 0
        queue = server.world.updates
        real_push = queue.push

        def push(kind, payload, chat_id):
            update = real_push(kind, payload, chat_id)
            if update is not None and chat_id is not None:
                self.updates += 1
                self.pending.setdefault(chat_id, []).append(time.perf_counter())
            return update

        queue.push = push
        real_touch = server.activity.touch

        def touch(call):  # the stand-in notes each Bot API call once its parameters are read
            method = call.method.lower()
            chat_id = call.chat_id
            if method == "answercallbackquery":
                query = server.world.callback_queries.get(str(call.params.get("callback_query_id")))
                chat_id = query.chat_id if query else None
            if chat_id is not None and method in ANSWERS:
                now = time.perf_counter()
                for moment in self.pending.pop(chat_id, ()):
                    self.latencies.append(now - moment)
            real_touch(call)

        server.activity.touch = touch


ANSWERS = {"sendmessage", "answercallbackquery", "editmessagereplymarkup", "sendphoto"}


async def press(phone, label: str) -> None:
    """Press ``label`` once the bot has shown it after the person's last action, as a person
    waits for what they expect (the stand-in cannot always tell when a busy bot is done)."""
    await phone.press(label, fresh=120.0)


async def send(phone, text: str) -> None:
    await phone.send(text)


async def participant(server, number: int, token: str, role: str, lang: str, pauses: bool):
    phone = server.user(50_000 + number, language_code=lang)
    name, agree, done, skip, submit = LANGS[lang]
    rng = random.Random(number)
    await send(phone, f"/start {token}")
    await press(phone, f"✓ {name}")
    await press(phone, agree)
    if role == "stakeholder":
        await press(phone, skip)
    sent: list[str] = []
    for question in range(1, 6):
        if pauses and question == 3:
            await asyncio.sleep(0.2)
            await send(phone, "/start")
        for part in range(rng.choice([1, 2, 3])):
            text = f"{rng.choice(SENTENCES)} ({number}.{question}.{part})"
            await send(phone, text)
            sent.append(text)
        await press(phone, done)
    await press(phone, submit)
    return sent


SECRET = "load-bench-secret-of-enough-length"


class Process:
    """The bot (or the echo) in a process of its own, so its CPU and memory are its own."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.argv, self.env = argv, env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            *self.argv,
            env={**os.environ, **self.env},
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0

    async def profile(self) -> None:
        """LOAD_PROFILE=FILE: where the bot spends its time (py-spy, attached)."""
        self.spy = None
        if os.environ.get("LOAD_PROFILE") and "bot.cli" in self.argv:
            self.spy = await asyncio.create_subprocess_exec(
                str(ROOT / ".venv/bin/py-spy"),
                "record",
                "--pid",
                str(self.process.pid),
                "-o",
                os.environ["LOAD_PROFILE"],
                "-f",
                "raw",
                "--nonblocking",
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )

    async def stop(self) -> None:
        if getattr(self, "spy", None) is not None:
            self.spy.send_signal(signal.SIGINT)
            await self.spy.wait()
        self.process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(self.process.wait(), 60)


def _server(delay: float) -> LoopbackServer:
    return LoopbackServer(
        token=TOKEN, per_chat_settle=True, api_delay=delay, settle_timeout=300, reply_grace=30
    )


async def run_bot(runtime: str, delay: float, count: int, stored: int = 0) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "load.db"
        tokens = _prepare(db, stored)
        async with _server(delay) as server:
            env = {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE": server.base_url,
                "RONDETAFEL_DB": str(db),
                "RONDETAFEL_SECRET": SECRET,
                "RONDETAFEL_SEND_RATE": "0",  # the stand-in has no cap; Telegram's is ~30/s
            }
            bot = Process([sys.executable, "-m", "bot.cli", "run", "--runtime", runtime], env)
            figures = await _measure(server, bot, count, tokens)
        store = Store.open(db)
        consultation = store.consultations.all()[0]
        texts = [a.text for a in store.answers.for_consultation(consultation.id)]
        store.close()
        sent = figures.pop("sent")
        landed = all(sum(t in text for text in texts) == 1 for person in sent for t in person)
        size = sum(p.stat().st_size for p in Path(folder).glob("load.db*")) / 1e6
    return figures | {"once": landed, "db_mb": size}


async def run_echo(runtime: str, delay: float, count: int) -> dict:
    async with _server(delay) as server:
        script = str(ROOT / "bench" / "load_echo.py")
        echo = Process([sys.executable, script, runtime, TOKEN, server.base_url], {})
        figures = await _measure(server, echo, count, None)
    figures.pop("sent")
    return figures  # "stuck": people who waited more than two minutes for an answer


async def _measure(server, process: Process, count: int, tokens) -> dict:
    await process.start()
    await _polling(server)
    await process.profile()
    recorder = Recorder(server)
    cpu, wall = process.cpu_seconds(), time.perf_counter()
    if tokens is None:
        sent = await asyncio.gather(
            *(echo_person(server, n) for n in range(count)), return_exceptions=True
        )
    else:
        sent = await asyncio.gather(
            *(
                participant(
                    server,
                    n,
                    tokens["expert" if n % 3 == 0 else "stakeholder"],
                    "expert" if n % 3 == 0 else "stakeholder",
                    "nl" if n % 2 else "en",
                    n % 5 == 0,
                )
                for n in range(count)
            ),
            return_exceptions=True,
        )
    wall, cpu = time.perf_counter() - wall, process.cpu_seconds() - cpu
    peak = process.peak_mb()
    await process.stop()
    stuck = sum(isinstance(person, BaseException) for person in sent)
    sent = [person for person in sent if not isinstance(person, BaseException)]
    return _figures(recorder, wall, cpu) | {"rss_mb": peak, "sent": sent, "stuck": stuck}


async def echo_person(server, number: int) -> list[str]:
    """As many updates as a participant sends, to the echo bot."""
    phone = server.user(60_000 + number, language_code="en")
    rng = random.Random(number)
    actions = 4 + sum(rng.choice([1, 2, 3]) + 1 for _ in range(5)) + 1
    await send(phone, f"echo {number}.start")
    for step in range(actions - 1):
        if step % 3 == 2:
            await press(phone, "Again")
        else:
            await send(phone, f"echo {number}.{step}")
    return []


async def _polling(server: LoopbackServer) -> None:
    """Measure from the moment the bot is up and polling (imports and start-up excluded)."""
    while not server.calls("getUpdates"):
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.2)


def _prepare(db: Path, stored: int) -> dict[str, str]:
    """The consultation, its invites and any stored participants, before the bot starts."""
    store = Store.open(db)
    keyring = Keyring(SECRET.encode())
    with store.transaction():
        store.set_meta("key_fingerprint", keyring.fingerprint())
    core = Core(store, keyring, None)
    consultation = consultations.create(core, "Load", "2026-12-01")
    with store.transaction():
        for n in range(stored):
            p = store.participants.create(consultation.id, "stakeholder", f"stored-{n}", "nl")
            store.answers.submit(
                p,
                [SubmittedAnswer(1, SENTENCES[n % 6], [], "nl")],
                withdraw_hash=f"w{n}",
                mark=f"m{n}",
            )
        tokens = {role: store.invites.create(consultation.id, role) for role in ROLES}
    store.close()
    return tokens


def _figures(recorder: Recorder, wall: float, cpu: float) -> dict:
    lat = sorted(recorder.latencies) or [0.0]

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

    return {
        "updates": recorder.updates,
        "per_s": recorder.updates / wall,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "cpu_ms": cpu * 1000 / max(1, recorder.updates),
    }


def in_process(deidentifier, messages: int = 300) -> tuple[float, float]:
    """p50/p99 ms of one answer message through engine, de-identification and storage."""
    from consultation.core import Core
    from dialogs.engine import Engine
    from dialogs.events import Event
    from locales.texts import Texts
    from privacy.keys import Keyring
    from storage.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "one.db")
        core = Core(store, Keyring(b"bench" * 8), deidentifier)
        engine = Engine(core, Texts())
        consultation = consultations.create(core, "One", "2026-12-01")
        token = store.invites.create(consultation.id, "expert")
        engine.handle(Event("u", "command", text=token, command="start"))
        step = store.sessions.load("u")["step"]
        engine.handle(Event("u", "button", text=f"{step}:lang:en"))
        step = store.sessions.load("u")["step"]
        engine.handle(Event("u", "button", text=f"{step}:agree:"))
        timings = []
        for n in range(messages):
            if n and n % 8 == 0:  # an answer is done: the preview (de-identified) follows
                step = store.sessions.load("u")["step"]
                started = time.perf_counter()
                engine.handle(Event("u", "button", text=f"{step}:done:"))
            else:
                started = time.perf_counter()
                engine.handle(Event("u", "text", text=SENTENCES[n % 6], ref=str(n)))
            timings.append((time.perf_counter() - started) * 1000)
        store.close()
    timings.sort()
    return statistics.median(timings), timings[int(0.99 * len(timings))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--delays", type=float, nargs="+", default=[0.0, 0.05])
    parser.add_argument("--runtimes", nargs="+", default=["aiogram", "ptb"])
    parser.add_argument("--stored", type=int, default=10_000)
    args = parser.parse_args()
    deidentifier = load_deidentifier()
    p50, p99 = in_process(deidentifier)
    print(f"in-process, one answer message: p50 {p50:.1f} ms, p99 {p99:.1f} ms (goal p99 <= 10)")
    header = (
        f"{'runtime':8}{'delay':>6}{'n':>5} {'who':6}{'upd/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}"
        f"{'cpu ms':>8}{'rss MB':>8} stuck  once  ratio  p99/echo"
    )
    print(header)
    print("(stuck: people who waited over two minutes for an answer and gave up)")
    for runtime in args.runtimes:
        for delay in args.delays:
            for count in args.participants:
                bot = asyncio.run(run_bot(runtime, delay, count))
                echo = asyncio.run(run_echo(runtime, delay, count))
                for who, f in (("bot", bot), ("echo", echo)):
                    extra = ""
                    if who == "bot":
                        extra = (
                            f"  {'yes' if f['once'] else 'NO':4}"
                            f"  {f['per_s'] / echo['per_s']:5.2f}"
                            f"  {f['p99'] / max(echo['p99'], 1e-9):6.2f}"
                        )
                    print(
                        f"{runtime:8}{delay * 1000:5.0f}ms{count:>5} {who:6}{f['per_s']:8.1f}"
                        f"{f['p50']:8.0f}{f['p95']:8.0f}{f['p99']:8.0f}{f['cpu_ms']:8.2f}"
                        f"{f['rss_mb']:8.0f}{f['stuck']:6}{extra}",
                        flush=True,
                    )
    print(
        "goals: at 50 ms and 500 participants >= 0.50 of the echo's updates/s and p99 <= 2x the"
        " echo's; at 0 ms >= 300 updates/s; CPU <= 3 ms per update (the echo's figure is the"
        " share of the stand-in and the framework); memory flat from 100 to 10,000 stored"
    )
    if args.stored:
        small = asyncio.run(run_bot(args.runtimes[0], 0.0, 50, stored=100))
        large = asyncio.run(run_bot(args.runtimes[0], 0.0, 50, stored=args.stored))
        print(
            f"the bot's peak memory with 100 stored participants {small['rss_mb']:.0f} MB, with"
            f" {args.stored}: {large['rss_mb']:.0f} MB"
            f" (ratio {large['rss_mb'] / small['rss_mb']:.2f});"
            f" reply p99 {small['p99']:.0f} vs {large['p99']:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
