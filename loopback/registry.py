"""The table of Bot API methods the stand-in answers, and the call each one receives."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loopback.errors import ApiError

if TYPE_CHECKING:
    from loopback.world import World


@dataclass
class ApiCall:
    """One request in flight: its parameters and what the settle logic needs to know."""

    world: World
    method: str
    params: dict[str, Any] = field(default_factory=dict)
    chat_id: int | None = None
    waiting: bool = False

    def set_waiting(self, waiting: bool) -> None:
        self.waiting = waiting

    def require(self, name: str, detail: str | None = None) -> Any:
        value = self.params.get(name)
        if value is None or value == "":
            raise ApiError.bad_request(detail or f"{name} is empty")
        return value


Handler = Callable[[ApiCall], Any | Awaitable[Any]]


class MethodTable:
    """Bot API methods by name; Telegram treats method names case-insensitively."""

    def __init__(self) -> None:
        self._handlers: dict[str, tuple[str, Handler]] = {}

    def __call__(self, name: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self._handlers[name.lower()] = (name, handler)
            return handler

        return register

    def merged(self, other: MethodTable) -> MethodTable:
        table = MethodTable()
        table._handlers = {**self._handlers, **other._handlers}
        return table

    def lookup(self, name: str) -> tuple[str, Handler] | None:
        """The method's canonical name and handler, or ``None`` for an unknown method."""
        return self._handlers.get(name.lower())

    def names(self) -> list[str]:
        return sorted(name for name, _ in self._handlers.values())
