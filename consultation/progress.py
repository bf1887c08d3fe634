"""How far a consultation is, in counts only (never who): for the chat and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from consultation import meetings
from consultation.consultations import find, questions_of
from consultation.core import Core
from consultation.questions import ROLES
from storage.records import Consultation


@dataclass(frozen=True)
class RoleProgress:
    invited: int  # places on invite links: uses allowed, or taken up where unlimited
    started: int  # began answering (still answering or submitted)
    submitted: int


@dataclass(frozen=True)
class QuestionProgress:
    number: int
    submitted: int  # submitted answers
    in_progress: int  # participants with unsubmitted text


@dataclass(frozen=True)
class Report:
    consultation: Consultation
    roles: dict[str, RoleProgress]
    questions: tuple[QuestionProgress, ...]
    sessions: int = 1  # the round table and catch-up sessions so far


def report(core: Core, consultation_id: str) -> Report:
    consultation = find(core, consultation_id)
    counts = core.store.progress
    invited = dict.fromkeys(ROLES, 0)
    for role, max_uses, uses in counts.invites(consultation.id):
        invited[role] += max_uses if max_uses is not None else uses
    answering = counts.answering(consultation.id)
    submitted = counts.submitted(consultation.id)
    roles = {
        role: RoleProgress(invited[role], answering[role] + submitted[role], submitted[role])
        for role in ROLES
    }
    answers, drafting = counts.answers(consultation.id), counts.drafting(consultation.id)
    questions = tuple(
        QuestionProgress(n, answers[n], drafting[n]) for n in questions_of(consultation).numbers
    )
    return Report(consultation, roles, questions, meetings.count(core, consultation.id))


def as_data(report: Report) -> dict:
    """The report as plain data (``rondetafel status --json``)."""
    c = report.consultation
    return {
        "consultation": {
            "id": c.id,
            "title": c.title,
            "date": c.date,
            "status": c.status,
            "closes_on": c.closes_on,
        },
        "sessions": report.sessions,
        "roles": {
            role: {"invited": r.invited, "started": r.started, "submitted": r.submitted}
            for role, r in report.roles.items()
        },
        "questions": [
            {"number": q.number, "submitted": q.submitted, "in_progress": q.in_progress}
            for q in report.questions
        ],
    }


def chart(report: Report, label: Callable[..., str]) -> bytes:
    """The progress chart (PNG), its words from ``label(key, **values)``: the chat passes
    the person's language, the command line English; both draw the same chart."""
    from renderers.progress_chart import ChartData, progress_png  # matplotlib: only when drawn

    people = [report.roles[role] for role in ROLES]
    return progress_png(
        ChartData(
            title=f"{report.consultation.title} ({report.consultation.id})",
            roles=[label(f"chart.{role}") for role in ROLES],
            people=[(r.invited, r.started, r.submitted) for r in people],
            people_labels=(
                label("chart.invited"),
                label("chart.started"),
                label("chart.submitted"),
            ),
            questions=[label("chart.question", number=q.number) for q in report.questions],
            answers=[(q.submitted, q.in_progress) for q in report.questions],
            answer_labels=(label("chart.answered"), label("chart.in_progress")),
        )
    )
