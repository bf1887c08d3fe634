"""Backups that cannot tear: taken while participants are answering, restored elsewhere,
the restored database exports the same bloemlezing."""

from __future__ import annotations

import asyncio

from bot.cli import main
from tests.bot.test_conversation import begin


async def submit_answers(setup, user_id: int, words: str) -> None:
    phone = setup.server.user(user_id, language_code="en")
    await begin(setup, phone, "stakeholder")
    for number in range(1, 6):
        await phone.send(f"{words}, vraag {number}.")
        await phone.press("Done ✓")
    await phone.press("Submit my answers")


def cli(monkeypatch, db, *argv) -> int:
    monkeypatch.setenv("RONDETAFEL_DB", str(db))
    return main(list(argv))


async def test_a_backup_during_answering_restores_to_the_same_anthology(
    setup, tmp_path, monkeypatch, capsys
):
    for name in ("TELEGRAM_BOT_TOKEN", "RONDETAFEL_SECRET"):
        monkeypatch.delenv(name, raising=False)
    live = setup.app.settings.db_path
    monkeypatch.setenv("RONDETAFEL_KEY_FILE", str(setup.app.settings.key_file))
    await submit_answers(setup, 601, "De samenwerking met de gemeente gaat goed")
    await submit_answers(setup, 602, "Meer aandacht voor arbeidsuitbuiting is nodig")

    busy = setup.server.user(603, language_code="en")
    await begin(setup, busy, "expert")
    copy = tmp_path / "backup.db"

    async def keep_answering() -> None:
        for number in range(40):
            await busy.send(f"Nog een gedachte, nummer {number}.", wait=False)
            await asyncio.sleep(0.005)
        await setup.server.settle()

    answering = asyncio.create_task(keep_answering())
    await asyncio.sleep(0.05)
    code = await asyncio.to_thread(cli, monkeypatch, live, "backup", "--out", str(copy))
    await answering
    assert code == 0 and copy.stat().st_mode & 0o777 == 0o600

    restored = tmp_path / "elsewhere" / "rondetafel.db"
    restored.parent.mkdir()
    assert cli(monkeypatch, restored, "restore", str(copy)) == 0
    assert cli(monkeypatch, restored, "restore", str(copy)) == 2  # not over a database
    capsys.readouterr()

    cid = setup.consultation_id
    original_md, restored_md = tmp_path / "original.md", tmp_path / "restored.md"
    assert cli(monkeypatch, live, "export", "--consultation", cid, "--out", str(original_md)) == 0
    assert (
        cli(monkeypatch, restored, "export", "--consultation", cid, "--out", str(restored_md)) == 0
    )
    original = original_md.read_text(encoding="utf-8")
    assert "De samenwerking met de gemeente gaat goed" in original
    assert "Meer aandacht voor arbeidsuitbuiting" in original
    assert restored_md.read_text(encoding="utf-8") == original
    # the answer under way at the time of the backup is in the copy as far as it had come
    assert cli(monkeypatch, restored, "status", "--consultation", cid) == 0
    expert_line = next(
        line for line in capsys.readouterr().out.splitlines() if line.startswith("expert")
    )
    assert expert_line.split()[2] == "1"  # started


async def test_restore_refuses_what_is_no_backup(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDETAFEL_SECRET", "a-long-enough-secret-for-this-test")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert cli(monkeypatch, tmp_path / "new.db", "restore", str(junk)) == 2
    assert "is not a Rondetafel backup" in capsys.readouterr().err
    assert not (tmp_path / "new.db").exists()
