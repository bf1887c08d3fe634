"""The server side on the command line: invite before the bot ever ran, no silent new
databases, status as JSON, the audit log, and the health check."""

from __future__ import annotations

import asyncio
import json
import os

import pytest

from bot.cli import main
from loopback import LoopbackServer

TOKEN = "123456789:ops-token-for-the-loopback"
SECRET = "a-long-enough-secret-for-this-test"


@pytest.fixture
def env(tmp_path, monkeypatch):
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "TELEGRAM_API_BASE",
        "RONDETAFEL_SECRET",
        "RONDETAFEL_KEY_FILE",
        "RONDETAFEL_DB",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "ops.db"))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def create(capsys) -> str:
    code, out, _ = run(capsys, "consultation", "create", "--title", "Ronde", "--date", "2026-12-01")
    assert code == 0
    return out.strip()


async def test_invite_asks_the_bot_api_for_the_name_before_the_bot_ever_ran(
    env, capsys, monkeypatch
):
    cid = create(capsys)
    code, _, err = run(capsys, "invite", "--consultation", cid, "--role", "expert")
    assert code == 2
    assert "pass --bot NAME" in err and "or set TELEGRAM_BOT_TOKEN" in err
    async with LoopbackServer(token=TOKEN, bot_username="ronde_tafel_bot") as server:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("TELEGRAM_API_BASE", server.base_url)
        code, out, _ = await asyncio.to_thread(
            run, capsys, "invite", "--consultation", cid, "--role", "expert"
        )
    assert code == 0 and out.startswith("https://t.me/ronde_tafel_bot?start=")


def test_a_new_database_at_the_default_place_says_where(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("RONDETAFEL_DB", raising=False)
    monkeypatch.setenv("RONDETAFEL_SECRET", SECRET)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "consultation", "list")
    assert code == 0
    assert f"making a new one at {tmp_path / 'rondetafel.db'}" in err
    code, _, err = run(capsys, "consultation", "list")
    assert code == 0 and err == ""  # it exists now: nothing to say


def test_a_database_in_a_missing_folder_is_an_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "nowhere" / "x.db"))
    monkeypatch.setenv("RONDETAFEL_SECRET", SECRET)
    code, _, err = run(capsys, "status", "--consultation", "abc")
    assert code == 1 and "the folder" in err and "does not exist" in err
    assert not (tmp_path / "nowhere").exists()


def test_status_as_json_and_the_audit_log(env, capsys):
    cid = create(capsys)
    run(
        capsys,
        "invite",
        "--consultation",
        cid,
        "--role",
        "stakeholder",
        "--uses",
        "12",
        "--bot",
        "b_bot",
    )
    code, out, _ = run(capsys, "status", "--consultation", cid, "--json")
    data = json.loads(out)
    assert code == 0 and data["roles"]["stakeholder"]["invited"] == 12
    assert data["sessions"] == 1 and len(data["questions"]) == 5
    code, out, _ = run(capsys, "audit", "--json")
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions == ["create", "invite", "status"]
    assert all(json.loads(line)["who"] == "command-line" for line in out.splitlines())


def test_doctor_finds_what_is_wrong(env, capsys):
    create(capsys)
    code, out, _ = run(capsys, "doctor", "--offline")
    assert code == 0, out
    assert [line.split()[0] for line in out.splitlines()] == ["ok"] * 5
    key = env / "ops.key"
    os.chmod(key, 0o644)
    code, out, _ = run(capsys, "doctor", "--offline")
    assert code == 1 and f"PROBLEM key        {key} is readable by others" in out
    os.chmod(key, 0o600)
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and "TELEGRAM_BOT_TOKEN is not set" in out


async def test_doctor_checks_the_token_with_the_bot_api(env, capsys, monkeypatch):
    create(capsys)
    async with LoopbackServer(token=TOKEN) as server:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("TELEGRAM_API_BASE", server.base_url)
        code, out, _ = await asyncio.to_thread(run, capsys, "doctor")
        assert code == 0 and "valid: the bot is @rondetafel_bot" in out
        server.reject_token = True
        code, out, _ = await asyncio.to_thread(run, capsys, "doctor")
        assert code == 1 and "refused the token" in out


@pytest.mark.parametrize(
    "command",
    ["backup", "restore", "doctor", "session", "remind", "facilitators", "audit", "status"],
)
def test_every_new_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "usage: rondetafel" in capsys.readouterr().out
