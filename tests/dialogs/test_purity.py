"""The engine is framework-neutral: nothing in dialogs/ imports a Telegram library."""

from __future__ import annotations

import ast
from pathlib import Path

DIALOGS = Path(__file__).resolve().parents[2] / "dialogs"
FORBIDDEN = {"aiogram", "telegram"}


def test_dialogs_imports_no_telegram_framework():
    offenders = []
    for path in DIALOGS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []
    assert len(list(DIALOGS.rglob("*.py"))) > 5
