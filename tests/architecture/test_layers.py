"""Imports run one way: from a channel down to storage, never back up.

The layers, top to bottom, as docs/ARCHITECTURE.md draws them. A package may import its own
layer's packages only where listed as a peer, and any package of a lower layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    {"demo"},  # the simulated consultation, on the stand-in
    {"bot"},  # channels: Telegram runtimes and the command line
    {"dialogs"},  # the conversation engine
    {"consultation"},  # what a consultation does
    {"renderers"},  # documents and the coding sheet
    {"analysis", "privacy"},  # text: statements, clusters; de-identification, keys
    {"storage", "locales"},  # the database; the catalogs and the language registry
]
APART = {"loopback"}  # the Bot API stand-in: imports nothing of the product
LEVEL = {package: level for level, packages in enumerate(LAYERS) for package in packages}
PEERS: dict[tuple[str, str], bool] = {}  # none: analysis and privacy do not know each other
USES_THE_STAND_IN = {("demo", "loopback")}
ENTRY_POINT = "bot/cli.py"  # the `rondetafel` command: it may start anything, the demo too
PACKAGES = set(LEVEL) | APART


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found & PACKAGES


def test_no_import_runs_up_or_sideways():
    wrong = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if path.relative_to(ROOT).as_posix() == ENTRY_POINT:
                continue
            for imported in _imports(path) - {package}:
                if package in APART or imported in APART:
                    if (package, imported) not in USES_THE_STAND_IN:
                        wrong.append(f"{path.relative_to(ROOT)} imports {imported}")
                    continue
                if LEVEL[imported] < LEVEL[package]:
                    wrong.append(f"{path.relative_to(ROOT)} imports {imported} (a higher layer)")
                elif LEVEL[imported] == LEVEL[package] and not PEERS.get((package, imported)):
                    wrong.append(f"{path.relative_to(ROOT)} imports its peer {imported}")
    assert wrong == []


def test_every_package_is_placed():
    on_disk = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert on_disk == PACKAGES
