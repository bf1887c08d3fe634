"""The conversation's table and its diagram say the same, and the table is complete."""

from __future__ import annotations

import re
from pathlib import Path

from dialogs import flow
from dialogs.states import State

DIAGRAM = Path(flow.__file__).with_name("conversation.md")
EDGE = re.compile(r"^\s*(\w+) --> (\w+) : (\S+)\s*$")


def _drawn() -> set[tuple[str, str, str]]:
    return {m.groups() for line in DIAGRAM.read_text().splitlines() if (m := EDGE.match(line))}


def _tabled() -> set[tuple[str, str, str]]:
    return {(row.state, target, row.trigger) for row in flow.FLOW for target in row.leads_to}


def test_the_diagram_draws_exactly_the_table():
    drawn, tabled = _drawn(), _tabled()
    assert drawn, "no edges read from the diagram: the test would prove nothing"
    assert drawn - tabled == set(), "drawn but not in the table"
    assert tabled - drawn == set(), "in the table but not drawn"


def test_every_state_is_reachable_and_has_a_way_out():
    targets = {t for _, t, _ in _tabled()}
    sources = {s for s, _, _ in _tabled()}
    for state in State:
        if state is not State.IDLE:
            assert state in targets, f"{state} cannot be reached"
    for state in State:
        if state not in (State.IDLE, State.SUBMITTED):
            assert state in sources, f"{state} has no way on"


def test_every_trigger_finds_a_row_in_every_state():
    for state in State:
        for trigger in ("text", "button:nonsense", "/*", "edit", "stale", "closed"):
            assert flow.lookup(state, trigger).handler is not None


def test_no_row_is_written_twice():
    keys = [(row.state, row.trigger) for row in flow.FLOW]
    assert len(keys) == len(set(keys))
