"""Errors an operator reads as one line."""


class StartupError(RuntimeError):
    """The bot cannot start: bad token, unreachable API, unwritable database."""


class UsageError(ValueError):
    """Bad input on the command line."""
