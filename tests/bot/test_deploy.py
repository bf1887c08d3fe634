"""The deployment files run the bot as an unprivileged user, with the database on a volume,
and call only commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import _parser

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def commands_in(text: str) -> set[str]:
    return set(re.findall(r"rondetafel(?:\"\s*,\s*\"|\s+)(run|doctor|backup|restore)\b", text))


def test_the_unit_runs_as_its_own_user_with_only_the_state_folder_writable():
    unit = (DEPLOY / "rondetafel.service").read_text()
    assert re.search(r"^User=rondetafel$", unit, re.M)
    assert "ProtectSystem=strict" in unit and "NoNewPrivileges=yes" in unit
    assert re.search(r"^Environment=RONDETAFEL_DB=/var/lib/rondetafel/", unit, re.M)
    assert re.search(r"^ReadWritePaths=/var/lib/rondetafel$", unit, re.M)


def test_the_container_runs_unprivileged_with_the_database_on_the_volume():
    image = (DEPLOY / "Containerfile").read_text()
    users = re.findall(r"^USER (\S+)$", image, re.M)
    assert users == ["rondetafel"]
    assert 'VOLUME ["/data"]' in image and "RONDETAFEL_DB=/data/" in image
    assert "HEALTHCHECK" in image


@pytest.mark.parametrize("name", ["rondetafel.service", "Containerfile"])
def test_the_commands_they_call_exist(name):
    used = commands_in((DEPLOY / name).read_text())
    assert used, "no rondetafel command found: the test would prove nothing"
    known = set(_parser()._subparsers._group_actions[0].choices)
    assert used <= known
