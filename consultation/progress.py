"""How far a consultation is, in counts only (never who): for the chat and the command line."""

from __future__ import annotations

from dataclasses import dataclass

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
    return Report(consultation, roles, questions)
