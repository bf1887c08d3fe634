"""Facilitator actions on consultations, shared by the command line and the demo."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

QUESTION_SET = Path(__file__).resolve().parent.parent / "dialogs" / "questionsets" / "default.yaml"


@cache
def _default_questions() -> dict[int, dict[str, str]]:
    return {int(k): v for k, v in yaml.safe_load(QUESTION_SET.read_text(encoding="utf-8")).items()}


def default_questions() -> dict[int, dict[str, str]]:
    return {k: dict(v) for k, v in _default_questions().items()}
