"""Running the installation: the bot's name from the Bot API, backups that cannot tear,
restoring one, and the health check (``rondetafel doctor``)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bot.errors import StartupError, UsageError
from bot.settings import Settings, SettingsError
from locales.texts import LOCALES_DIR
from privacy.keys import KeyFileError, Keyring
from storage.migrations import MIGRATIONS

MIN_FREE_BYTES = 200 * 1024 * 1024


def ask_username(settings: Settings) -> str:
    """The bot's username, asked of the Bot API with the token (``getMe``)."""
    token = settings.require_token()
    url = f"{settings.api_base}/bot{token}/getMe"
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # noqa: S310 (http or https)
            body = json.load(response)
    except urllib.error.HTTPError as error:  # never the URL: it carries the token
        if error.code in (401, 404):
            raise StartupError("the Bot API refused the token (unauthorized)") from None
        raise StartupError(f"the Bot API answered {error.code}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise StartupError(f"cannot reach the Telegram Bot API ({reason})") from None
    username = (body.get("result") or {}).get("username")
    if not body.get("ok") or not username:
        raise StartupError("the Bot API did not say the bot's name")
    return username


def add_parsers(sub) -> None:
    """``backup``, ``restore`` and ``doctor`` on the command line."""
    out = sub.add_parser(
        "backup",
        help="copy the database safely while the bot runs (SQLite's online backup)",
        epilog="example: rondetafel backup --out /backup/rondetafel-$(date +%F).db",
    )
    out.add_argument("--out", required=True, help="the backup file to write (mode 0600)")
    out.add_argument("--force", action="store_true", help="replace --out if it exists")
    out.set_defaults(handler=backup)
    back = sub.add_parser(
        "restore",
        help="put a backup in place of the database (stop the bot first)",
        epilog="example: RONDETAFEL_DB=/srv/rondetafel/rondetafel.db rondetafel restore b.db",
    )
    back.add_argument("file", help="a file made by `rondetafel backup`")
    back.add_argument(
        "--force", action="store_true", help="replace the database at RONDETAFEL_DB if it exists"
    )
    back.set_defaults(handler=restore)
    doc = sub.add_parser(
        "doctor",
        help="health check: token, database, key, catalogs, disk space (exit 1 on a problem)",
    )
    doc.add_argument(
        "--offline", action="store_true", help="do not ask the Bot API whether the token is valid"
    )
    doc.set_defaults(handler=doctor)


# backups ------------------------------------------------------------------------------------


def backup(args: argparse.Namespace, settings: Settings) -> int:
    """SQLite's online backup: a consistent copy even while the bot is writing."""
    source, out = settings.db_path, Path(args.out)
    if not source.is_file():
        raise UsageError(f"there is no database at {source} to back up (RONDETAFEL_DB)")
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists: choose another name, or --force to replace it")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # holds answers
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dest = sqlite3.connect(partial)
    try:
        src.backup(dest, pages=256)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise UsageError("the copy failed its integrity check; nothing was written")
    except sqlite3.Error as error:
        raise UsageError(f"backup failed: {error}") from error
    finally:
        dest.close()
        src.close()
    os.replace(partial, out)
    print(out)
    key = "RONDETAFEL_SECRET" if settings.secret else str(settings.key_file)
    print(f"note: the key ({key}) is not in the backup; keep a copy of it apart from the backup")
    return 0


def restore(args: argparse.Namespace, settings: Settings) -> int:
    """Put a backup in place of the database (the bot must be stopped)."""
    source, target = Path(args.file), settings.db_path
    if not source.is_file():
        raise UsageError(f"{source}: no such file")
    made_with = _check_backup(source)
    keyring = _keyring(settings)
    if keyring is None or (made_with and made_with != keyring.fingerprint()):
        raise UsageError(
            "the backup was made with another key: put its key in place first "
            f"({settings.key_file}, or RONDETAFEL_SECRET), or no one's answers can be found"
        )
    if target.exists() and not args.force:
        raise UsageError(
            f"{target} exists: stop the bot, then run again with --force to replace it"
        )
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dest = sqlite3.connect(target, timeout=30)
    try:
        os.chmod(target, 0o600)
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise UsageError(f"restore failed: {error}") from error
    finally:
        dest.close()
        src.close()
    print(f"restored {source} to {target}")
    return 0


def _check_backup(path: Path) -> str | None:
    """The key fingerprint the backup was made with; ``UsageError`` if it is no backup."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_fingerprint'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise UsageError(f"{path} is not a Rondetafel backup ({error})") from error
    if not ok:
        raise UsageError(f"{path} is damaged (integrity check failed)")
    if not 1 <= version <= len(MIGRATIONS):
        raise UsageError(f"{path} comes from a newer Rondetafel (schema {version})")
    return row[0] if row else None


def _keyring(settings: Settings) -> Keyring | None:
    if not settings.secret and not settings.key_file.exists():
        return None
    try:
        return Keyring.from_setting(settings.secret, settings.key_file)
    except KeyFileError:
        return None


# the health check ------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def doctor(args: argparse.Namespace, settings: Settings) -> int:
    checks = [
        _token(settings, args.offline),
        _database(settings),
        _key(settings),
        _catalogs(),
        _disk(settings),
    ]
    for check in checks:
        print(f"{'ok' if check.ok else 'PROBLEM':8}{check.name:11}{check.detail}")
    return 0 if all(c.ok for c in checks) else 1


def _token(settings: Settings, offline: bool) -> Check:
    if offline:
        return Check("token", True, "not checked (--offline)")
    try:
        return Check("token", True, f"valid: the bot is @{ask_username(settings)}")
    except (StartupError, SettingsError) as error:
        return Check("token", False, str(error))


def _database(settings: Settings) -> Check:
    path = settings.db_path
    if not path.is_file():
        return Check("database", False, f"no database at {path} (RONDETAFEL_DB)")
    try:
        conn = sqlite3.connect(path, timeout=5)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            quick = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as error:
        return Check("database", False, f"{path} is not writable: {error}")
    if quick != "ok":
        return Check("database", False, f"{path} is damaged: {quick}")
    return Check("database", True, f"{path} is writable")


def _key(settings: Settings) -> Check:
    if settings.secret:
        return Check("key", len(settings.secret) >= 16, "from RONDETAFEL_SECRET")
    path = settings.key_file
    if not path.is_file():
        return Check("key", False, f"no key file at {path} (it is made when the bot first runs)")
    if path.stat().st_mode & 0o077:
        return Check("key", False, f"{path} is readable by others: chmod 600 {path}")
    keyring = _keyring(settings)
    if keyring is None:
        return Check("key", False, f"{path} cannot be read")
    if settings.db_path.is_file():
        conn = sqlite3.connect(f"file:{settings.db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_fingerprint'").fetchone()
        except sqlite3.Error:
            row = None
        finally:
            conn.close()
        if row and row[0] != keyring.fingerprint():
            return Check("key", False, f"{path} is not the key this database was made with")
    return Check("key", True, f"{path} is present and private")


def _catalogs() -> Check:
    stale = []
    for po in sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            stale.append(po.parts[-3])
    if stale:
        return Check("catalogs", False, f"not compiled: {', '.join(stale)} (run scripts/setup)")
    return Check("catalogs", True, "compiled")


def _disk(settings: Settings) -> Check:
    folder = settings.db_path.parent if settings.db_path.parent.is_dir() else Path(".")
    free = shutil.disk_usage(folder).free
    shown = f"{free / 1024**3:.1f} GB free in {folder.resolve()}"
    return Check("disk", free >= MIN_FREE_BYTES, shown)
