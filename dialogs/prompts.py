"""What the bot says on entering each state (``prompt_<name>`` as named in ``dialogs.flow``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from dialogs.turn import Turn
from locales.texts import language_names

if TYPE_CHECKING:
    from dialogs.engine import Engine

SECTORS: list[str] = yaml.safe_load(
    Path(__file__).with_name("sectors.yaml").read_text(encoding="utf-8")
)
QUESTIONS = 5


def prompt_language(engine: Engine, turn: Turn) -> None:
    names = language_names()
    languages = list(engine.texts.languages)
    suggested = turn.session.lang or engine.texts.supported(turn.event.language_code)
    if suggested in languages:
        languages.remove(suggested)
        languages.insert(0, suggested)
    buttons = [
        turn.button_labelled(("✓ " if code == suggested else "") + names[code], "lang", code)
        for code in languages
    ]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    turn.offer(turn.t("language.prompt"), *rows)


def prompt_consent(engine: Engine, turn: Turn) -> None:
    consultation = engine.store.consultations.get(turn.session.consultation_id)
    turn.offer(
        turn.t(
            f"consent.{turn.session.role}", title=consultation.title, days=engine.retention_days
        ),
        (turn.button("button.agree", "agree"), turn.button("button.decline", "decline")),
    )


def prompt_organisation(engine: Engine, turn: Turn) -> None:
    turn.offer(turn.t("organisation.prompt"), (turn.button("button.skip", "skip"),))


def prompt_sector(engine: Engine, turn: Turn) -> None:
    buttons = [turn.button(f"sector.{code}", "sector", code) for code in SECTORS]
    rows = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    turn.offer(turn.t("sector.prompt"), *rows, (turn.button("button.skip", "skip"),))


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


def prompt_question(engine: Engine, turn: Turn) -> None:
    session = turn.session
    consultation = engine.store.consultations.get(session.consultation_id)
    number = session.question
    lines = [
        turn.t(
            "question.header",
            number=engine.texts.number(session.lang, number),
            total=engine.texts.number(session.lang, QUESTIONS),
        ),
        consultation.question(number, session.lang),
    ]
    so_far = engine.store.participants.answer_text(session.participant_id, number)
    if so_far:
        lines += [turn.t("question.so_far"), so_far]
    lines.append(turn.t("question.how"))
    turn.offer("\n\n".join(lines), *question_buttons(turn, bool(so_far)))


def prompt_review(engine: Engine, turn: Turn) -> None:
    session = turn.session
    consultation = engine.store.consultations.get(session.consultation_id)
    turn.clear_buttons()
    turn.say("review.intro")
    skipped = engine.store.participants.skipped(session.participant_id)
    for number in range(1, QUESTIONS + 1):
        heading = f"{number}. {consultation.question(number, session.lang)}"
        preview = engine.preview(session, number)
        body = (
            preview
            if preview
            else turn.t("review.skipped" if number in skipped else "review.empty")
        )
        # each answer keeps its own live button: offer() clears only those of earlier turns
        turn.offer(f"{heading}\n\n{body}", (turn.button("button.change", "change", str(number)),))
    turn.offer(turn.t("review.submit_prompt"), (turn.button("button.submit", "submit"),))


def prompt_forget(engine: Engine, turn: Turn) -> None:
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


PROMPTS = {
    "language": prompt_language,
    "consent": prompt_consent,
    "organisation": prompt_organisation,
    "sector": prompt_sector,
    "question": prompt_question,
    "review": prompt_review,
    "forget": prompt_forget,
}


def render(engine: Engine, turn: Turn, name: str) -> None:
    if name:
        PROMPTS[name](engine, turn)
