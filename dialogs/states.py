"""The states of a conversation, as named values."""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    IDLE = "idle"  # no participation under way
    LANGUAGE = "language"  # choosing the interface language
    CONSENT = "consent"  # reading what happens with the answers; agree or decline
    ORGANISATION = "organisation"  # a stakeholder may name their organisation
    SECTOR = "sector"  # a stakeholder may choose a sector
    QUESTION = "question"  # answering one question, in as many messages as wanted
    REVIEW = "review"  # all answers as they will be quoted; change one or submit
    SUBMITTED = "submitted"  # done; the chat can be wiped
    FORGET = "forget"  # confirming /forget
    NEW_TITLE = "new_title"  # a facilitator creating a consultation (/new): its title
    NEW_DATE = "new_date"  # ... the date of the round table
    NEW_CLOSING = "new_closing"  # ... until when people can answer
    NEW_QUESTIONS = "new_questions"  # ... the default questions or an earlier round's


# A participation is under way: answers can still change.
IN_PROGRESS = frozenset(
    {State.CONSENT, State.ORGANISATION, State.SECTOR, State.QUESTION, State.REVIEW}
)
# A facilitator creating a consultation (/new), step by step.
CREATING = frozenset({State.NEW_TITLE, State.NEW_DATE, State.NEW_CLOSING, State.NEW_QUESTIONS})
# Side trips that return where they started.
DETOURS = frozenset({State.LANGUAGE, State.FORGET}) | CREATING
