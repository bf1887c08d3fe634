"""Updates in, through the real runtimes and the stand-in: one update a framework cannot read
never stops the others, a revoked token ends the bot, a replay after a restart changes
nothing."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from bot.sending import TokenRevoked


async def test_an_update_the_framework_cannot_read_is_skipped_and_the_rest_served(setup, caplog):
    caplog.set_level(logging.INFO)
    phone = setup.server.user(801, language_code="en")
    broken = {"message_id": 5, "date": "yesterday", "text": "private words", "chat": {}}
    setup.server.world.updates.push("message", broken, None)
    await phone.send("/help")
    assert "/forget" in "\n".join(phone.bot_texts())
    await setup.server.settle()
    assert setup.server.world.updates.pending() == []  # confirmed, not fetched forever
    assert "skipped an update it cannot read (message, id" in caplog.text
    assert "private words" not in caplog.text


async def test_a_token_revoked_while_running_ends_the_bot(setup):
    phone = setup.server.user(802, language_code="en")
    await phone.send("/help")
    setup.server.reject_token = True
    await phone.send("/help", wait=False)  # ends the long poll; the next one meets the 401
    with pytest.raises(TokenRevoked):
        await asyncio.wait_for(setup.bot._task, 30)
    setup.bot._task = None


async def test_an_update_delivered_again_after_a_crash_changes_nothing(setup, monkeypatch):
    queue = setup.server.world.updates
    pushed = []
    real_push = queue.push

    def recording(kind, payload, chat_id):
        update = real_push(kind, payload, chat_id)
        pushed.append(update)
        return update

    monkeypatch.setattr(queue, "push", recording)
    phone = setup.server.user(803, language_code="en")
    await phone.send(f"/start {setup.invite('expert')}")
    await phone.press("✓ English")
    await phone.press("I agree")
    await phone.send("My answer.")
    said, drafts = len(phone.bot_texts()), setup.app.store.db["drafts"].count
    for update in pushed:  # Telegram never heard the offsets: everything comes again
        queue._queue.append(update)
    queue._wake("update")
    await setup.server.settle()
    assert len(phone.bot_texts()) == said
    assert setup.app.store.db["drafts"].count == drafts == 1
    (invite,) = setup.app.store.db["invites"].rows
    assert invite["uses"] == 1  # the invite was taken up once, not twice


async def test_updates_kept_before_a_crash_are_handled_after_the_restart(setup):
    phone = setup.server.user(804, language_code="en")
    await phone.send("/help")
    await setup.bot.stop()
    # the bot had kept this update and confirmed it to Telegram, then died before its turn
    raw = {
        "update_id": 999_001,
        "message": {
            "message_id": 77,
            "date": 1_700_000_000,
            "chat": {"id": 804, "type": "private", "first_name": "Ada"},
            "from": {"id": 804, "is_bot": False, "first_name": "Ada", "language_code": "en"},
            "text": "/privacy",
            "entities": [{"type": "bot_command", "offset": 0, "length": 8}],
        },
    }
    store = setup.app.store
    sealed = setup.app.keyring.seal("inbox", json.dumps(raw))
    with store.transaction():
        store.inbox.add("telegram", [(999_001, sealed)])
    await setup.bot.start()
    for _ in range(200):
        if store.db["inbox"].count == 0:
            break
        await asyncio.sleep(0.05)
    await setup.server.settle()
    assert store.db["inbox"].count == 0
    assert any("keyed code" in text for text in phone.bot_texts())  # /privacy came after all


async def test_submitted_answers_are_prepared_for_export_in_the_background(setup, monkeypatch):
    import bot.running

    monkeypatch.setattr(bot.running, "PREPARE_EVERY_SECONDS", 0.2)
    monkeypatch.setattr(bot.running, "QUIET_SECONDS", 0.3)  # once nobody wrote for a moment
    await setup.restart()
    phone = setup.server.user(805, language_code="en")
    await phone.send(f"/start {setup.invite('expert')}")
    await phone.press("✓ English")
    await phone.press("I agree")
    await phone.send("Recruiters use social media more and more. They promise easy work.")
    await phone.press("Done ✓")
    for _ in range(4):
        await phone.press("Skip")
    await phone.press("Submit my answers")
    statements = setup.app.store.db["statements"]
    for _ in range(100):
        if statements.count:
            break
        await asyncio.sleep(0.1)
    assert statements.count >= 1  # cut and assigned before anyone asked for an export
    assert all(row["cluster"] for row in statements.rows)
