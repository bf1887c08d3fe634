"""What the bot says on entering each state."""

from __future__ import annotations

from collections.abc import Callable

from consultation import participation
from consultation.consultations import questions_of
from dialogs import creating
from dialogs.states import State
from dialogs.turn import Turn
from locales.texts import language_names


def language(turn: Turn) -> None:
    names = language_names()
    languages = list(turn.texts.languages)
    suggested = turn.session.lang or turn.texts.supported(turn.event.language_code)
    if suggested in languages:
        languages.remove(suggested)
        languages.insert(0, suggested)
    buttons = [
        turn.button_labelled(("✓ " if code == suggested else "") + names[code], "lang", code)
        for code in languages
    ]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    turn.offer(turn.t("language.prompt"), *rows)


def consent(turn: Turn) -> None:
    consultation = turn.core.store.consultations.get(turn.session.consultation_id)
    turn.offer(
        turn.t(
            f"consent.{turn.session.role}",
            title=consultation.title,
            days=turn.core.retention_days,
        ),
        (turn.button("button.agree", "agree"), turn.button("button.decline", "decline")),
    )


def organisation(turn: Turn) -> None:
    turn.offer(turn.t("organisation.prompt"), (turn.button("button.skip", "skip"),))


def sector(turn: Turn) -> None:
    buttons = [turn.button(f"sector.{code}", "sector", code) for code in participation.sectors()]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    turn.offer(turn.t("sector.prompt"), *rows, (turn.button("button.skip", "skip"),))


def quoted(turn: Turn, pieces: list[tuple[str, bool]]) -> str:
    """The quotes as the bloemlezing prints them; what is no quote, said so."""
    return "\n\n".join(
        turn.t("preview.quote" if quotable else "preview.not_quoted", text=text)
        for text, quotable in pieces
    )


def question_buttons(turn: Turn, answered: bool) -> list[tuple]:
    # with text written, "Skip" would throw it away unasked: "start again" does that openly
    first = [turn.button("button.done", "done") if answered else turn.button("button.skip", "skip")]
    rows = [tuple(first)]
    second = [turn.button("button.clear", "clear")] if answered else []
    if turn.session.question > 1 and not turn.session.from_review:
        second.append(turn.button("button.back", "back"))
    if second:
        rows.append(tuple(second))
    return rows


def question(turn: Turn) -> None:
    session, core = turn.session, turn.core
    questions = questions_of(core.store.consultations.get(session.consultation_id))
    number = session.question
    lines = [
        turn.t("question.header", number=turn.number(number), total=turn.number(len(questions))),
        questions.question(number).wording(session.lang, session.role),
    ]
    so_far = participation.answer_text(core, session.participant_id, number)
    if so_far:
        lines += [turn.t("question.so_far"), so_far]
    lines.append(turn.t("question.how"))
    turn.offer("\n\n".join(lines), *question_buttons(turn, bool(so_far)))


def review(turn: Turn) -> None:
    session, core = turn.session, turn.core
    questions = questions_of(core.store.consultations.get(session.consultation_id))
    participant = core.store.participants.get(session.participant_id)
    turn.say("review.intro")
    skipped = participation.skipped(core, participant.id)
    for q in questions.questions:
        heading = f"{q.number}. {q.wording(session.lang, session.role)}"
        quotes = participation.preview(core, participant, q.number)
        body = (
            quoted(turn, quotes)
            if quotes
            else turn.t("review.skipped" if q.number in skipped else "review.empty")
        )
        turn.offer(f"{heading}\n\n{body}", (turn.button("button.change", "change", str(q.number)),))
    turn.offer(turn.t("review.submit_prompt"), (turn.button("button.submit", "submit"),))


def forget(turn: Turn) -> None:
    if turn.session.withdraw:
        text = turn.t("forget.confirm_code")
    elif turn.session.role == "stakeholder":
        text = turn.t("forget.confirm")
    else:  # an experience expert, or someone whose role is no longer known after submitting
        text = turn.t("forget.confirm") + "\n\n" + turn.t("forget.expert_note")
    turn.offer(
        text,
        (
            turn.button("button.forget_yes", "forget_yes"),
            turn.button("button.forget_no", "forget_no"),
        ),
    )


PROMPTS: dict[State, Callable[[Turn], None]] = {
    State.LANGUAGE: language,
    State.CONSENT: consent,
    State.ORGANISATION: organisation,
    State.SECTOR: sector,
    State.QUESTION: question,
    State.REVIEW: review,
    State.FORGET: forget,
    State.NEW_TITLE: creating.title_prompt,
    State.NEW_DATE: creating.date_prompt,
    State.NEW_CLOSING: creating.closing_prompt,
    State.NEW_QUESTIONS: creating.questions_prompt,
}


def render(turn: Turn, state: State) -> None:
    if state in PROMPTS:
        PROMPTS[state](turn)
