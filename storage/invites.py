"""Invite links: an unguessable token per consultation and role; only its hash is kept."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

import sqlite_utils

from storage.clock import Clock, stamp
from storage.records import Invite


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    # 128 bits, URL-safe; Telegram deep-link payloads allow [A-Za-z0-9_-] up to 64 chars
    return secrets.token_urlsafe(16)


class Invites:
    def __init__(self, db: sqlite_utils.Database, now: Clock) -> None:
        self._db = db
        self._now = now

    def create(
        self,
        consultation_id: str,
        role: str,
        max_uses: int | None = None,
        expires_at: datetime | None = None,
        meeting: int = 1,
    ) -> str:
        """Store a new invite and return its token (shown once, never stored in clear)."""
        token = new_token()
        self._db["invites"].insert(
            {
                "token_hash": token_hash(token),
                "consultation_id": consultation_id,
                "role": role,
                "max_uses": max_uses,
                "uses": 0,
                "expires_at": stamp(expires_at) if expires_at else None,
                "created_at": stamp(self._now()),
                "meeting": meeting,
            }
        )
        return token

    def find(self, token: str) -> Invite | None:
        return self.by_hash(token_hash(token))

    def by_hash(self, hashed: str) -> Invite | None:
        rows = list(self._db["invites"].rows_where("token_hash = ?", [hashed]))
        return Invite(**rows[0]) if rows else None

    def redeem(self, invite: Invite) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE invites SET uses = uses + 1 WHERE token_hash = ?", [invite.token_hash]
            )

    def for_consultation(self, consultation_id: str) -> list[Invite]:
        return [
            Invite(**r)
            for r in self._db["invites"].rows_where("consultation_id = ?", [consultation_id])
        ]
