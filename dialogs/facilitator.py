"""Facilitator commands in the chat, for the accounts in ``RONDETAFEL_ADMINS`` only.

/consultations lists them, /status ID shows progress in counts, /invite ID ROLE [USES]
makes an invite link. For anyone else these commands do not exist.
"""

from __future__ import annotations

from dialogs.turn import Turn
from storage.progress import QUESTIONS, ROLES, progress


class Facilitation:
    def _is_admin(self, turn: Turn) -> bool:
        if turn.event.user_key in self.admins:
            return True
        turn.say("command.unknown")
        return False

    def on_admin_list(self, turn: Turn) -> None:
        if not self._is_admin(turn):
            return
        rows = [
            f"{c.id} · {c.date} · {turn.t('admin.' + c.status)} · {c.title}"
            for c in self.store.consultations.all()
        ]
        turn.say_text("\n".join(rows) if rows else turn.t("admin.none"))

    def _consultation(self, turn: Turn, consultation_id: str):
        consultation = self.store.consultations.get(consultation_id)
        if consultation is None:
            turn.say("admin.unknown", id=consultation_id or "?")
        return consultation

    def on_admin_status(self, turn: Turn) -> None:
        if not self._is_admin(turn):
            return
        consultation = self._consultation(turn, turn.event.text.strip())
        if consultation is None:
            return
        report, n = progress(self.store.db, consultation.id), self.texts.number
        lang = turn.session.lang
        lines = [f"{consultation.title} ({consultation.id})"]
        for role in ROLES:
            r = report[role]
            lines.append(
                turn.t(
                    f"admin.status.{role}",
                    invited=n(lang, r["invited"]),
                    started=n(lang, r["started"]),
                    submitted=n(lang, r["submitted"]),
                )
            )
        for number in QUESTIONS:
            q = report["questions"][number]
            lines.append(
                turn.t(
                    "admin.status.question",
                    number=n(lang, number),
                    submitted=n(lang, q["submitted"]),
                    in_progress=n(lang, q["in_progress"]),
                )
            )
        turn.say_text("\n".join(lines))

    def on_admin_invite(self, turn: Turn) -> None:
        if not self._is_admin(turn):
            return
        words = turn.event.text.split()
        if len(words) not in (2, 3) or words[1] not in ROLES:
            turn.say("admin.invite.usage")
            return
        consultation = self._consultation(turn, words[0])
        if consultation is None:
            return
        uses = int(words[2]) if len(words) == 3 and words[2].isdigit() else None
        token = self.store.invites.create(consultation.id, words[1], uses)
        username = self.store.get_meta("bot_username") or "your_bot"
        turn.say_text(f"https://t.me/{username}?start={token}")
