"""The composition root: storage, keys, texts, de-identification and the engine, from settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from dialogs.engine import Deidentifier, Engine
from locales.texts import Texts
from privacy.keys import KeyFileError, Keyring
from storage.store import Store


def load_deidentifier() -> Deidentifier:
    from privacy.pipeline import get_deidentifier

    return get_deidentifier()


def keyring_for(store: Store, settings: Settings) -> Keyring:
    """The key, checked against the one this database was made with."""
    keyring = Keyring.from_setting(settings.secret, settings.key_file)
    known = store.get_meta("key_fingerprint")
    if known is None:
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
    store: Store
    keyring: Keyring
    engine: Engine

    @classmethod
    def open(cls, settings: Settings, deidentifier: Deidentifier | None = None) -> App:
        store = Store.open(settings.db_path)
        keyring = keyring_for(store, settings)
        admins = frozenset(keyring.user_key(user_id) for user_id in settings.admins)
        engine = Engine(
            store,
            Texts(),
            keyring,
            deidentifier or load_deidentifier(),
            admins,
            settings.retention_days,
        )
        return cls(settings, store, keyring, engine)

    def close(self) -> None:
        self.store.close()
