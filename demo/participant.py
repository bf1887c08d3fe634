"""One simulated participant of the demo, pressing the buttons a person would press."""

from __future__ import annotations

from locales.texts import Texts, language_names
from loopback import Phone

PATIENCE = 60.0  # seconds a simulated person waits for the button they expect


class SimulatedParticipant:
    def __init__(self, phone: Phone, person: dict, token: str, texts: Texts) -> None:
        self.phone, self.person, self.token, self.texts = phone, person, token, texts
        self.lang = person["lang"]
        self.paused_after: int | None = person.get("pauses_after")

    async def _press(self, label: str) -> None:
        await self.phone.press(label, fresh=PATIENCE)

    def _label(self, key: str) -> str:
        return self.texts.get(self.lang, key)

    async def take_part(self) -> None:
        await self.phone.send(f"/start {self.token}")
        await self._press(f"✓ {language_names()[self.lang]}")
        await self._press(self._label("button.agree"))
        if self.person["role"] == "stakeholder":
            if self.person.get("organisation"):
                await self.phone.send(self.person["organisation"])
                await self.phone.press(
                    fresh=PATIENCE, label_or_data=self._label(f"sector.{self.person['sector']}")
                )
            else:
                await self._press(self._label("button.skip"))
        last = self.paused_after or len(self.person["answers"])
        await self._answer(1, last)
        if self.paused_after is None:
            await self._submit()

    async def resume(self) -> None:
        if self.paused_after is None:
            return
        await self.phone.send("/start")
        await self._answer(self.paused_after + 1, len(self.person["answers"]))
        await self._submit()

    async def _answer(self, first: int, last: int) -> None:
        for number in range(first, last + 1):
            answer = self.person["answers"][number - 1]
            if answer == "skip":
                await self._press(self._label("button.skip"))
                continue
            sent = [await self.phone.send(message) for message in answer]
            for edit in self.person.get("edits") or []:
                if edit["question"] == number:
                    await self.phone.edit(sent[edit["message"]], edit["text"])
            await self._press(self._label("button.done"))

    async def _submit(self) -> None:
        await self._press(self._label("button.submit"))
        if self.person["role"] == "expert":
            await self._press(self._label("button.wipe"))
