"""The composition root: storage, keys, texts, de-identification and the engine, from settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings
from dialogs.engine import Deidentifier, Engine
from dialogs.texts import Texts
from privacy.keys import Keyring
from storage.store import Store


def load_deidentifier() -> Deidentifier:
    from privacy.pipeline import get_deidentifier

    return get_deidentifier()


@dataclass
class App:
    settings: Settings
    store: Store
    keyring: Keyring
    engine: Engine

    @classmethod
    def open(cls, settings: Settings, deidentifier: Deidentifier | None = None) -> App:
        store = Store.open(settings.db_path)
        keyring = Keyring.from_setting(settings.secret, settings.key_file)
        admins = frozenset(keyring.user_key(user_id) for user_id in settings.admins)
        engine = Engine(store, Texts(), keyring, deidentifier or load_deidentifier(), admins)
        return cls(settings, store, keyring, engine)

    def close(self) -> None:
        self.store.close()
