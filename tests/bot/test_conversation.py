"""Whole conversations, walked as a person would, against the real runtime(s)."""

from __future__ import annotations

import sqlite3

from loopback import Phone


async def begin(setup, phone: Phone, role="stakeholder", lang="✓ English") -> None:
    await phone.send(f"/start {setup.invite(role)}")
    await phone.press(lang)
    await phone.press("I agree" if lang.endswith("English") else "Ik ga akkoord")
    if role == "stakeholder":
        await phone.press("Skip" if lang.endswith("English") else "Overslaan")


def texts(phone: Phone) -> str:
    return "\n".join(phone.bot_texts())


async def test_complete_flow_in_dutch(setup):
    phone = setup.server.user(501, first_name="Marieke", language_code="nl")
    await phone.send(f"/start {setup.invite('stakeholder')}")
    assert phone.buttons()[0] == "✓ Nederlands"
    await phone.press("✓ Nederlands")
    assert "Gaat u akkoord?" in phone.last_bot_text()
    await phone.press("Ik ga akkoord")
    await phone.send("Gemeente Utrecht")
    await phone.press("Gemeente")
    assert "Vraag 1 van 5" in phone.last_bot_text()
    answers = [
        "Steeds meer werving via sociale media.",
        "Er gaat veel goed in de samenwerking.",
        "Gegevens delen tussen organisaties is lastig.",
        "Minder slachtoffers.",
        "Wij kunnen trainingen geven.",
    ]
    for number, answer in enumerate(answers, start=1):
        assert f"Vraag {number} van 5" in texts(phone)
        await phone.send(answer)
        await phone.press("Klaar ✓")
    assert "Hier zijn uw antwoorden" in texts(phone)
    await phone.press("Mijn antwoorden insturen")
    assert "Dank u wel! Uw antwoorden zijn ingestuurd." in texts(phone)
    stored = setup.app.store.answers.for_consultation(setup.consultation_id)
    assert [a.text for a in sorted(stored, key=lambda a: a.question)] == answers
    assert setup.app.store.answers.organisations(setup.consultation_id) == [
        ("Gemeente Utrecht", "municipality")
    ]


async def test_answer_in_several_messages_with_an_edit(setup):
    phone = setup.server.user(502, language_code="en")
    await begin(setup, phone, "expert", "✓ English")
    first = await phone.send("Recruitment moved online.")
    await phone.send("Especially on TikTok.")
    await phone.edit(first, "Recruitment moved online, fast.")
    assert "Your edit has been saved" in phone.last_bot_text()
    await phone.press("Done ✓")
    preview = phone.bot_texts()[-2]
    # the second message goes on with the first: one thought typed in two goes, one quote
    assert "“Recruitment moved online, fast.\nEspecially on TikTok.”" in preview
    assert "Question 2 of 5" in phone.last_bot_text()


async def test_skip_and_back(setup):
    phone = setup.server.user(503, language_code="en")
    await begin(setup, phone, "expert", "✓ English")
    await phone.press("Skip")
    assert "Question 2 of 5" in phone.last_bot_text()
    await phone.press("◀ Previous question")
    assert "Question 1 of 5" in phone.last_bot_text()
    await phone.send("Now I do have an answer.")
    await phone.press("Done ✓")
    for _ in range(4):
        await phone.press("Skip")
    review = texts(phone)
    assert "Now I do have an answer." in review and review.count("(skipped)") == 4


async def test_pause_restart_and_resume(setup):
    phone = setup.server.user(504, language_code="en")
    await begin(setup, phone, "expert", "✓ English")
    await phone.send("First answer.")
    await phone.press("Done ✓")
    await phone.send("Half of the second")
    await setup.restart()
    await phone.send("/start")
    assert "Welcome back" in texts(phone)
    assert "Question 2 of 5" in phone.last_bot_text()
    assert "Half of the second" in phone.last_bot_text()
    await phone.send("and the rest of it.")
    await phone.press("Done ✓")
    assert "“Half of the second\nand the rest of it.”" in phone.bot_texts()[-2]  # one thought


async def test_forget_erases_everything(setup):
    phone = setup.server.user(505, language_code="en")
    await begin(setup, phone)
    await phone.send("Something I regret writing.")
    await phone.send("/forget")
    await phone.press("Yes, erase everything")
    assert phone.last_bot_text() == "Everything has been erased."
    assert len(phone.messages) <= 2  # only the confirmation (and what Telegram keeps) remain
    db = setup.app.store.db
    for table in ("participants", "drafts", "sessions", "chat_messages", "answers"):
        assert db[table].count == 0, table


async def test_declined_consent_stores_nothing(setup):
    phone = setup.server.user(506, language_code="en")
    await phone.send(f"/start {setup.invite('expert')}")
    await phone.press("✓ English")
    await phone.press("No, thank you")
    assert "Nothing you did here has been stored" in phone.last_bot_text()
    db = setup.app.store.db
    for table in ("participants", "drafts", "sessions", "chat_messages", "answers"):
        assert db[table].count == 0, table


async def test_non_text_input_is_explained_and_not_stored(setup):
    phone = setup.server.user(507, language_code="en")
    await begin(setup, phone, "expert", "✓ English")
    await phone.send("My typed answer.")
    for send, what in [
        (phone.send_sticker, "sticker"),
        (phone.send_photo, "photo"),
        (phone.send_voice, "voice message"),
        (phone.send_document, "file"),
        (phone.send_location, "location"),
        (phone.send_contact, "contact"),
    ]:
        await send()
        assert f"only take typed text. Your {what} has not been stored" in phone.last_bot_text()
    await phone.send("x" * 20000)
    assert "the limit is 3,000" in phone.last_bot_text()
    await phone.press("Done ✓")
    assert phone.bot_texts()[-2].endswith("“My typed answer.”")


async def test_invalid_invite_is_explained(setup):
    phone = setup.server.user(508, language_code="en")
    await phone.send("/start not-a-real-invite")
    assert "invitation link is not valid" in phone.last_bot_text()
    await phone.send("/start")
    assert "you need an invitation link" in phone.last_bot_text()


async def test_submit_then_wipe_the_chat(setup):
    phone = setup.server.user(509, language_code="en")
    await begin(setup, phone, "expert", "✓ English")
    await phone.send("What I wanted to say.")
    await phone.press("Done ✓")
    for _ in range(4):
        await phone.press("Skip")
    await phone.press("Submit my answers")
    assert "withdrawal code" in texts(phone)
    await phone.press("Remove this conversation from my phone")
    assert phone.messages == []
    assert setup.app.store.db["answers"].count == 1


async def test_database_holds_no_account_details(setup):
    phone = setup.server.user(
        987654321, first_name="Radu", language_code="en", username="radu_the_user"
    )
    await begin(setup, phone, "expert", "✓ English")
    await phone.send("An answer.")
    await phone.press("Done ✓")
    for _ in range(4):
        await phone.press("Skip")
    await phone.press("Submit my answers")
    await phone.send("/help")  # a turn after the submission: nothing empties the log after it
    path = setup.app.settings.db_path
    # the files as they are on disk while the bot runs: database and write-ahead log
    on_disk = b"".join(
        f.read_bytes() for f in path.parent.glob(path.name + "*") if f.suffix != ".key"
    )
    for secret in ("987654321", "Radu", "radu_the_user"):
        assert secret.encode() not in on_disk
    setup.app.store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    dump = "\n".join(sqlite3.connect(path).iterdump())
    for secret in ("987654321", "Radu", "radu_the_user"):
        assert secret not in dump
