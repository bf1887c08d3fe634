"""The consultation engine, driven with plain events: no Telegram framework involved."""

from __future__ import annotations

from consultation import consultations


def start_as(chat, token, lang="English"):
    chat.send(f"/start {token}")
    chat.press(lang)
    chat.press("agree" if lang == "English" else "akkoord")


def test_start_without_invite_explains_kindly(chat):
    c = chat()
    c.send("/start")
    assert c.said("invitation link")
    assert c.last.state == "idle"


def test_invalid_and_expired_invites_are_refused(chat, invite, store):
    from datetime import timedelta

    c = chat()
    c.send("/start not-a-token")
    assert c.said("not valid")
    expired = invite(expires_at=store.now() - timedelta(days=1))
    c.send(f"/start {expired}")
    assert c.said("not valid")


def test_language_preselected_from_telegram(chat, invite):
    c = chat(language_code="nl-NL")
    c.send(f"/start {invite()}")
    assert c.said("Kies uw taal")
    assert c.buttons()[0].label == "✓ Nederlands"


def test_full_stakeholder_flow(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite())
    assert c.said("which organisation")
    c.send("Gemeente Utrecht")
    c.press("Municipality")
    assert c.said("Question 1 of 5")
    c.send("More online recruitment.")
    c.send("Call me on +31 6 12345678 for more.")
    assert c.said("Saved")
    c.press("Done")
    assert c.said("[phone number]")
    assert c.said("Question 2 of 5")
    for answer in ["Cooperation works.", "Too little data sharing.", "Fewer victims."]:
        c.send(answer)
        c.press("Done")
    c.press("Skip")
    assert c.last.state == "review"
    assert c.said("“More online recruitment.”\n\n“Call me on [phone number] for more.”")
    assert c.said("(skipped)")
    c.press("Submit")
    assert c.last.state == "submitted"
    stored = sorted(store.answers.for_consultation(consultation.id), key=lambda a: a.question)
    assert [a.question for a in stored] == [1, 2, 3, 4]
    assert "12345678" not in stored[0].text and "[phone number]" in stored[0].text
    assert store.answers.organisations(consultation.id) == [("Gemeente Utrecht", "municipality")]


def test_back_and_change_from_review(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("First answer.")
    c.press("Done")
    c.press("Previous question")
    assert c.said("Your answer so far:") and c.said("First answer.")
    c.press("Start this answer again")
    c.send("Better first answer.")
    c.press("Done")
    for _ in range(4):
        c.press("Skip")
    assert c.last.state == "review"
    c.press_data(next(b.data for b in c.all_buttons() if b.data.endswith(":change:1")))
    c.send("Even better.")
    c.press("Done")
    assert c.last.state == "review"
    assert c.said("“Better first answer.”\n\n“Even better.”")


def test_edited_message_updates_the_answer(chat, invite, store):
    c = chat()
    start_as(c, invite("expert"))
    c.send("I saw many cases in 2021.")
    first = c.last_sent
    c.edit(first, "I saw many cases in 2022.")
    assert c.said("Your edit has been saved")
    c.press("Done")
    assert c.said("2022") and not c.said("2021")


def test_pause_and_resume_days_later(engine, chat, invite, store):
    c = chat()
    start_as(c, invite("expert"))
    c.send("Answer one.")
    c.press("Done")
    # a new engine on the same storage is what a restarted bot is
    from dialogs.engine import Engine

    c.engine = Engine(engine.core, engine.texts, engine.admins, engine.links)
    c.send("/start")
    assert c.said("Welcome back")
    assert c.said("Question 2 of 5")


def test_declining_stores_nothing(chat, invite, store):
    c = chat()
    c.send(f"/start {invite()}")
    c.press("English")
    c.press("No, thank you")
    assert c.said("Nothing you did here has been stored")
    for table in ("participants", "sessions", "chat_messages", "drafts"):
        assert store.db[table].count == 0, table


def test_forget_erases_everything(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite())
    c.press("Skip")  # organisation
    c.send("Something.")
    c.press("Done")
    c.send("/forget")
    c.press("Yes, erase everything")
    assert c.said("Everything has been erased")
    for table in ("participants", "drafts", "sessions", "chat_messages", "answers"):
        assert store.db[table].count == 0, table


def test_forget_after_submission_of_stakeholder(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite())
    c.send("Org X")
    c.press("Skip")
    c.send("Answer.")
    c.press("Done")
    for _ in range(4):
        c.press("Skip")
    c.press("Submit")
    assert store.db["answers"].count == 1
    c.send("/forget")
    c.press("Yes, erase everything")
    assert store.db["answers"].count == 0
    assert store.db["organisations"].count == 0


def test_expert_is_unlinked_and_withdraws_with_code(chat, invite, store):
    c = chat()
    start_as(c, invite("expert"))
    c.send("My story.")
    c.press("Done")
    for _ in range(4):
        c.press("Skip")
    c.press("Submit")
    code_text = next(t for t in c.texts if "withdrawal code" in t)
    code = code_text.split(": ")[1].split("\n")[0]
    # nothing that knows the account tells the role, the consultation or the moment
    assert store.db["participants"].count == 0
    session = str(list(store.db["sessions"].rows))
    assert "expert" not in session and consultation_id(store) not in session
    assert '"lang": null' in session  # not even the language: answers carry theirs
    (respondent,) = store.db["respondents"].rows
    assert set(respondent) == {"id", "consultation_id", "role", "withdraw_hash"}  # no time
    assert all(len(r["at"]) == len("2026-11-22") for r in store.db["chat_messages"].rows)
    assert all(len(r["updated_at"]) == len("2026-11-22") for r in store.db["sessions"].rows)
    c.send(f"/start {invite('expert')}")
    assert c.said("already submitted")
    c.send("/forget")  # without the code: the answers stay, and the person is told why
    c.press("Yes, erase everything")
    assert c.said("withdrawal code") and not c.said("nothing stored")
    assert store.db["answers"].count == 1
    other = chat()  # even from another account, the code withdraws
    other.send(f"/forget {code.lower()}")
    other.press("Yes, erase everything")
    assert store.db["answers"].count == 0


def consultation_id(store):
    return next(iter(store.db["consultations"].rows))["id"]


def test_non_text_is_explained_and_not_stored(chat, invite, store):
    c = chat()
    start_as(c, invite("expert"))
    c.send("Kept text.")
    c.send_other("sticker")
    assert c.said("only take typed text") and c.said("sticker")
    c.press("Done")
    assert c.said("Kept text.")


def test_too_long_text_refused_and_earlier_text_kept(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("Short start.")
    c.send("x" * 20000)
    assert c.said("limit is 3,000")
    c.press("Done")
    assert c.said("Short start.")


def test_stale_button_is_recognised(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("One.")
    old = next(b.data for b in c.buttons() if b.data.endswith(":done:"))
    c.press("Done")
    c.press_data(old)
    assert "earlier step" in c.last.notice
    assert c.said("Question 2 of 5")
    for _ in range(4):
        c.press("Skip")
    assert c.said("Submit")
    c.press_data(old)  # the review is on screen already: only the short notice, no resend
    assert "earlier step" in c.last.notice and c.last.texts == []
    c.press("Submit")
    assert c.last.state == "submitted"


def test_language_can_change_midway(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("/language")
    c.press("Nederlands")
    assert c.said("Vraag 1 van 5")


def test_help_and_privacy_work_everywhere(chat, invite):
    c = chat()
    c.send("/help")
    assert c.said("/forget")
    start_as(c, invite("expert"))
    c.send("/privacy")
    assert c.said("never stored with your answers")


def test_wipe_deletes_chat_messages(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    for _ in range(5):
        c.press("Skip")
    c.press("Submit")
    c.press("Remove this conversation")
    assert c.messages == {}


def as_admin(chat):
    """This chat's account is one of the installation's administrators."""
    from dialogs.engine import Engine

    e = chat.engine
    chat.engine = Engine(e.core, e.texts, frozenset({chat.user_key}), e.links)
    return chat


def test_facilitator_commands_only_for_admins(store, consultation, chat):
    admin = as_admin(chat())
    admin.send("/consultations")
    assert admin.said(consultation.id)
    admin.send(f"/invite {consultation.id} expert 3")
    link = admin.texts[0]
    assert link.startswith("https://t.me/") and "?start=" in link
    admin.send(f"/status {consultation.id}")
    assert admin.said("Experience experts – places on invite links: 3, started: 0, submitted: 0")
    stranger = chat()
    stranger.send(f"/status {consultation.id}")
    assert stranger.said("I don't know that command")


def test_survivor_in_romanian_sees_everything_in_romanian(chat, invite):
    c = chat(language_code="ro")
    c.send(f"/start {invite('expert')}")
    assert c.buttons()[0].label == "✓ Română"
    c.press("Română")
    assert c.said("0900 0101")  # the help line is in the consent, in every language
    c.press_data(next(b.data for b in c.buttons() if b.data.endswith(":agree:")))
    assert c.said("traficul de persoane")  # question 1 in Romanian
    c.send("Am lucrat mult pentru puțini bani.")
    c.press("Gata")
    assert c.said("„Am lucrat mult pentru puțini bani.”")  # quoted the Romanian way


def test_submitting_to_a_closed_consultation_is_refused(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite("expert"))
    for _ in range(5):
        c.press("Skip")
    store.consultations.set_status(consultation.id, "closed")
    c.press("Submit")
    assert c.said("This consultation is closed")
    assert store.db["respondents"].count == 0


def test_a_detour_from_a_detour_returns_to_the_question(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("Half an answer")
    c.send("/language")
    c.send("/forget")
    c.press("No, keep it")
    assert c.said("Question 1 of 5") and c.said("Half an answer")


def test_with_text_written_skip_gives_way_to_start_again(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    assert [b.label for b in c.buttons()] == ["Skip"]
    c.send("Something worth saying.")
    newest = c.live[max(c.live)]
    labels = [b.label for row in newest for b in row]
    assert "Skip" not in labels and "Done ✓" in labels and "Start this answer again" in labels
    # the question's own Skip, still on screen above, never throws the written text away
    c.press("Skip")
    assert c.said("already written something") and c.last.state == "question"
    c.press("Done")
    assert c.said("“Something worth saying.”")


def test_the_preview_says_what_will_not_be_quoted(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("Hello!")
    c.send("The helpline was not known to anyone I met.")
    c.press("Done")
    assert c.said("(Hello! — a greeting or a short reply like this is not quoted)")
    assert c.said("“The helpline was not known to anyone I met.”")


def test_forget_speaks_to_the_role(chat, invite):
    stakeholder = chat()
    start_as(stakeholder, invite("stakeholder"))
    stakeholder.send("/forget")
    assert not stakeholder.said("withdrawal code")
    expert = chat()
    start_as(expert, invite("expert"))
    expert.send("/forget")
    assert expert.said("withdrawal code")


def test_closing_is_said_at_once_to_someone_still_answering(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite("expert"))
    c.send("First part.")
    store.consultations.set_status(consultation.id, "closed")
    c.send("Second part.")
    assert c.said("This consultation is closed") and c.last.state == "idle"
    c.send("/forget")
    c.press("Yes, erase everything")
    assert store.db["drafts"].count == 0


def test_skipping_everything_counts_and_lists_nothing(chat, invite, store, consultation):
    c = chat()
    start_as(c, invite())
    c.send("Stichting Voorbeeld")
    c.press("Skip")
    for _ in range(5):
        c.press("Skip")
    c.press("Submit")
    assert c.last.state == "submitted"
    assert c.said("skipped every question") and not c.said("Your answers have been submitted")
    for table in ("respondents", "answers", "organisations", "participants"):
        assert store.db[table].count == 0, table
    c.send(f"/start {invite()}")
    assert c.said("already submitted")


def test_the_retention_period_in_the_texts_is_the_one_in_force(store, chat, invite):
    from dialogs.engine import Engine

    c = chat()
    e = c.engine
    from dataclasses import replace

    c.engine = Engine(replace(e.core, retention_days=14), e.texts, e.admins, e.links)
    c.send(f"/start {invite()}")
    c.press("English")
    assert c.said("deleted after 14 days")
    c.send("/privacy")
    assert c.said("after 14 days")


def test_the_invite_link_again_carries_on_where_the_participant_was(chat, invite):
    c = chat()
    token = invite("expert")
    start_as(c, token)
    c.send("Answer one.")
    c.press("Done")
    c.send("Half of answer two")
    c.send(f"/start {token}")
    assert c.said("Welcome back") and c.said("Question 2 of 5") and c.said("Half of answer two")


def test_coming_back_from_another_round_shows_the_half_written_answer(chat, invite, store, core):
    c = chat()
    round_a = invite("expert")
    other = consultations.create(core, "Tweede ronde", "2026-12-08", "Programma")
    round_b = store.invites.create(other.id, "expert")
    start_as(c, round_a)
    c.send("Answer one.")
    c.press("Done")
    c.send("Half of answer two")
    start_as(c, round_b)
    assert c.said("Question 1 of 5")
    c.send(f"/start {round_a}")
    assert c.said("Welcome back") and c.said("Question 2 of 5") and c.said("Half of answer two")
    c.send("and the rest of it.")
    c.press("Done")
    assert c.said("Question 3 of 5")


def test_a_photo_while_creating_a_consultation_asks_to_type_it(chat):
    admin = as_admin(chat())
    admin.send("/new")
    admin.send_other("photo")
    assert admin.said("Your photo has not been stored. Please type it instead.")
    assert not admin.said("answer")
    admin.send("Ronde 4")
    assert admin.last.state == "new_date"


def test_a_message_that_goes_on_with_the_one_before_is_quoted_with_it(chat, invite):
    c = chat()
    start_as(c, invite("expert"))
    c.send("There is too little shelter for men.")
    c.send("Especially in the east of the country.")
    c.send("The police often do not know where to send them.")
    c.press("Done")
    assert c.said(
        "“There is too little shelter for men.\nEspecially in the east of the country.”"
        "\n\n“The police often do not know where to send them.”"
    )
