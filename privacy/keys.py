"""Pseudonymous keys: Telegram ids are only ever stored as keyed hashes (HMAC-SHA256).

The secret comes from ``RONDETAFEL_SECRET`` (read by the entry point and passed in) or
from a key file created with mode 0600 on first run, next to the database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class KeyFileError(RuntimeError):
    """The key file cannot be read or created."""


class Keyring:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise KeyFileError("the secret must be at least 16 bytes")
        self._secret = secret

    @classmethod
    def from_file(cls, path: str | Path) -> Keyring:
        """Read the key file, creating it (mode 0600) with a fresh random secret if absent.

        The new file is written whole under a temporary name and then linked into place, so
        a crash never leaves an empty key file; a key file others can read is refused.
        """
        path = Path(path)
        if not path.exists():
            cls._create(path)
        try:
            if path.stat().st_mode & 0o077:
                raise KeyFileError(f"key file {path} is readable by others: chmod 600 it")
            return cls(bytes.fromhex(path.read_text().strip()))
        except (OSError, ValueError) as error:
            raise KeyFileError(f"cannot read key file {path}: {error}") from error

    @staticmethod
    def _create(path: Path) -> None:
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_bytes(32).hex())
                handle.flush()
                os.fsync(handle.fileno())
            try:
                os.link(temporary, path)  # fails if another process made one meanwhile
            except FileExistsError:
                pass
        except OSError as error:
            raise KeyFileError(f"cannot create key file {path}: {error.strerror}") from error
        finally:
            temporary.unlink(missing_ok=True)

    @classmethod
    def from_setting(cls, secret: str | None, key_file: str | Path) -> Keyring:
        if secret:
            return cls(secret.encode())
        return cls.from_file(key_file)

    def derive(self, purpose: str, *parts: object) -> str:
        """A keyed hash of ``parts`` for one ``purpose``; different purposes never match."""
        message = "\x1f".join([purpose, *map(str, parts)]).encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def user_key(self, telegram_user_id: int) -> str:
        return self.derive("user", telegram_user_id)

    def withdrawal(self, code: str) -> str:
        """The keyed hash of an expert's withdrawal code, however it is typed back
        ("abcde-fghij", "ABCDE FGHIJ")."""
        return self.derive("withdraw-code", "".join(ch for ch in code.upper() if ch.isalnum()))

    def seal(self, purpose: str, text: str) -> str:
        """``text`` encrypted and authenticated (AES-GCM) with a key derived from the secret
        for ``purpose``: kept in the database only by whoever also holds the key."""
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self._sealing_key(purpose)).encrypt(nonce, text.encode(), None)
        return base64.b64encode(nonce + sealed).decode("ascii")

    def unseal(self, purpose: str, sealed: str | None) -> str | None:
        """The text, or None when it was not sealed with this key for this purpose."""
        try:
            data = base64.b64decode(sealed or "", validate=True)
            opened = AESGCM(self._sealing_key(purpose)).decrypt(data[:12], data[12:], None)
        except (ValueError, InvalidTag):
            return None
        return opened.decode()

    def _sealing_key(self, purpose: str) -> bytes:
        return bytes.fromhex(self.derive("seal", purpose))

    def fingerprint(self) -> str:
        """Identifies the key without revealing it: a database remembers which key it was
        made with, so a changed secret is noticed instead of silently orphaning everyone."""
        return self.derive("fingerprint")[:16]
