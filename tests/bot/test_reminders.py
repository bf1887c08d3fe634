"""The one gentle reminder, through the real runtimes: who gets it, once, scheduled from the
database (a restart in between changes nothing), never after closing; the chat's address is
kept sealed and only while a reminder may still go."""

from __future__ import annotations

import asyncio

import pytest

from bot import running
from consultation import consultations
from tests.bot.test_conversation import begin

REMINDER = "a gentle reminder"


def pause_everyone(setup, days: int = 3) -> None:
    store = setup.app.store
    with store.transaction():
        store.db.execute(
            "UPDATE participants SET updated_at = datetime('now', ?)", [f"-{days} days"]
        )


def reach(setup, user_id: int) -> str | None:
    key = setup.app.keyring.user_key(user_id)
    rows = list(setup.app.store.db["participants"].rows_where("user_key = ?", [key]))
    return rows[0]["reach"] if rows else None


def reminders_in(phone) -> int:
    return sum(REMINDER in text for text in phone.bot_texts())


async def wait_for(condition, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


@pytest.fixture
def quick_reminders(monkeypatch):
    monkeypatch.setattr(running, "REMIND_EVERY_SECONDS", 0.05)


async def test_one_reminder_for_who_may_get_one_after_a_restart(setup, quick_reminders):
    stakeholder = setup.server.user(801, language_code="en")
    quiet_expert = setup.server.user(802, language_code="en")
    asking_expert = setup.server.user(803, language_code="en")
    declining = setup.server.user(804, language_code="en")
    for phone, role in [
        (stakeholder, "stakeholder"),
        (quiet_expert, "expert"),
        (asking_expert, "expert"),
        (declining, "stakeholder"),
    ]:
        await begin(setup, phone, role)
        await phone.send("Half an answer")
    await asking_expert.send("/reminders")
    assert "You will not get a reminder" in asking_expert.last_bot_text()
    await asking_expert.press("Yes, one reminder")
    await declining.send("/reminders")
    await declining.press("No reminders")
    assert "nothing is kept for one" in declining.last_bot_text()

    assert reach(setup, 801) and reach(setup, 803)
    assert reach(setup, 802) is None and reach(setup, 804) is None
    assert "801" not in reach(setup, 801)  # sealed, not the chat id in clear

    await setup.restart()  # the schedule is the database
    assert not await wait_for(lambda: reminders_in(stakeholder), 0.3)  # not paused long yet
    pause_everyone(setup)
    assert await wait_for(lambda: reminders_in(stakeholder) and reminders_in(asking_expert))
    await asyncio.sleep(0.3)  # several more rounds of the loop
    assert reminders_in(stakeholder) == 1 and reminders_in(asking_expert) == 1
    assert reminders_in(quiet_expert) == 0 and reminders_in(declining) == 0
    assert reach(setup, 801) is None  # the address goes once the reminder went
    assert "send /start to carry on" in stakeholder.last_bot_text()

    await stakeholder.send("/start")
    assert "Welcome back" in "\n".join(stakeholder.bot_texts()[-2:])
    pause_everyone(setup)
    await asyncio.sleep(0.3)
    assert reminders_in(stakeholder) == 1  # at most one, ever

    await asking_expert.send("/forget")
    await asking_expert.press("Yes, erase everything")
    assert reminders_in(asking_expert) == 0  # the reminder goes with the rest of the chat


async def test_no_reminder_after_closing_and_the_address_goes_at_submission(setup, quick_reminders):
    paused = setup.server.user(811, language_code="en")
    finishing = setup.server.user(812, language_code="en")
    await begin(setup, paused)
    await paused.send("Something")
    await begin(setup, finishing)
    await finishing.send("All I have to say.")
    assert reach(setup, 812)
    await finishing.press("Done ✓")
    for _ in range(4):
        await finishing.press("Skip")
    await finishing.press("Submit my answers")
    assert setup.app.store.db["participants"].count == 1  # the address went with the row

    consultations.close(setup.app.core, setup.consultation_id)
    assert reach(setup, 811) is None
    await setup.restart()
    pause_everyone(setup)
    await asyncio.sleep(0.4)
    assert reminders_in(paused) == 0
    await paused.send("One more thought")
    assert "This consultation is closed" in paused.last_bot_text()
    assert "not submitted are erased after 30 days" in paused.last_bot_text()


async def test_privacy_says_what_is_kept_for_a_reminder(setup):
    phone = setup.server.user(821, language_code="nl")
    await phone.send("/privacy")
    assert "één herinnering na 48 uur" in phone.last_bot_text()
    assert "versleuteld" in phone.last_bot_text()
