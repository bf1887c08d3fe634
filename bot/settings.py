"""Settings from the environment. Only the entry point reads them; everything else is given them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_API_BASE = "https://api.telegram.org"
DEFAULT_DB = "rondetafel.db"
_TOKEN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")


class SettingsError(ValueError):
    """A setting is missing or malformed; the message is one line for the operator."""


@dataclass(frozen=True)
class Settings:
    token: str | None
    api_base: str
    db_path: Path
    admins: frozenset[int]
    secret: str | None
    retention_days: int

    key_path: Path | None = None  # RONDETAFEL_KEY_FILE; default next to the database
    reminder_hours: int = 48  # RONDETAFEL_REMINDER_HOURS: a paused participant's one reminder
    db_default: bool = False  # RONDETAFEL_DB was not set: the database in the current folder

    @property
    def key_file(self) -> Path:
        return self.key_path or self.db_path.with_suffix(".key")

    def require_token(self) -> str:
        if not self.token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set (ask @BotFather for a token)")
        if not _TOKEN.match(self.token):
            raise SettingsError(
                "TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and the secret part"
            )
        return self.token


def _admins(raw: str) -> frozenset[int]:
    ids = set()
    for part in filter(None, (p.strip() for p in raw.split(","))):
        if not part.isdigit():
            raise SettingsError(f"RONDETAFEL_ADMINS must be comma-separated user ids, not {part!r}")
        ids.add(int(part))
    return frozenset(ids)


def from_environment(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    base = env.get("TELEGRAM_API_BASE", "").strip() or DEFAULT_API_BASE
    if not re.match(r"^https?://", base):
        raise SettingsError(f"TELEGRAM_API_BASE must start with http:// or https://, not {base!r}")
    days = env.get("RONDETAFEL_RETENTION_DAYS", "30").strip()
    if not days.isdigit() or int(days) < 1:
        raise SettingsError("RONDETAFEL_RETENTION_DAYS must be a whole number of days (1 or more)")
    hours = env.get("RONDETAFEL_REMINDER_HOURS", "48").strip()
    if not hours.isdigit():
        raise SettingsError(
            "RONDETAFEL_REMINDER_HOURS must be a whole number of hours (0: no reminders)"
        )
    db = env.get("RONDETAFEL_DB", "").strip()
    return Settings(
        token=env.get("TELEGRAM_BOT_TOKEN", "").strip() or None,
        api_base=base.rstrip("/"),
        db_path=Path(db or DEFAULT_DB),
        admins=_admins(env.get("RONDETAFEL_ADMINS", "")),
        secret=env.get("RONDETAFEL_SECRET", "").strip() or None,
        retention_days=int(days),
        key_path=Path(key) if (key := env.get("RONDETAFEL_KEY_FILE", "").strip()) else None,
        reminder_hours=int(hours),
        db_default=not db,
    )
