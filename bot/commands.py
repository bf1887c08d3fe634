"""The bot's command menu, in every interface language (texts from the catalogs)."""

from __future__ import annotations

from locales.texts import Texts

COMMANDS = ("help", "language", "privacy", "reminders", "forget")


def menu(texts: Texts) -> dict[str, list[tuple[str, str]]]:
    """Language -> [(command, description)], for setMyCommands."""
    return {lang: [(c, texts.get(lang, f"menu.{c}")) for c in COMMANDS] for lang in texts.languages}
