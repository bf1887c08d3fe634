"""The composition root: storage, keys, de-identification, the consultation core and the
conversation engine, from settings."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from bot.errors import StartupError
from bot.settings import Settings
from bot.telegram import TelegramLinks
from consultation.core import Core, Deidentifier
from dialogs.engine import Engine
from locales.texts import Texts
from privacy.keys import KeyFileError, Keyring
from storage.store import Store


def load_deidentifier() -> Deidentifier:
    from privacy.pipeline import get_deidentifier

    return get_deidentifier()


def check_database(settings: Settings) -> None:
    """Never a silent new database: one made at the default place says where it is, and
    RONDETAFEL_DB pointing into a folder that does not exist is an error."""
    path = settings.db_path
    if path.exists():
        return
    if not settings.db_default and not path.parent.is_dir():
        raise StartupError(
            f"RONDETAFEL_DB is {path}, but the folder {path.parent} does not exist: "
            "point it at the bot's database, or make the folder first"
        )
    if settings.db_default:
        print(
            f"rondetafel: note: no database in this folder; making a new one at "
            f"{path.resolve()} (set RONDETAFEL_DB to use the bot's)",
            file=sys.stderr,
        )


def keyring_for(store: Store, settings: Settings) -> Keyring:
    """The key, checked against the one this database was made with."""
    keyring = Keyring.from_setting(settings.secret, settings.key_file)
    known = store.get_meta("key_fingerprint")
    if known is None:
        with store.transaction():
            store.set_meta("key_fingerprint", keyring.fingerprint())
    elif known != keyring.fingerprint():
        raise KeyFileError(
            "the key does not match this database (RONDETAFEL_SECRET or the key file "
            "changed): restore the original key, or nobody's answers can be found again"
        )
    return keyring


@dataclass
class App:
    settings: Settings
    core: Core
    engine: Engine

    @property
    def store(self) -> Store:
        return self.core.store

    @property
    def keyring(self) -> Keyring:
        return self.core.keyring

    @classmethod
    def open(
        cls, settings: Settings, deidentifier: Deidentifier | None = None, busy_seconds=10.0
    ) -> App:
        """``busy_seconds`` 0 for the running bot: it waits for locks without blocking."""
        check_database(settings)
        store = Store.open(settings.db_path, busy_seconds=busy_seconds)
        keyring = keyring_for(store, settings)
        core = Core(
            store,
            keyring,
            deidentifier or load_deidentifier(),
            settings.retention_days,
            settings.reminder_hours,
        )
        admins = frozenset(keyring.user_key(user_id) for user_id in settings.admins)
        engine = Engine(core, Texts(), admins, TelegramLinks(store))
        return cls(settings, core, engine)

    def close(self) -> None:
        self.store.close()
