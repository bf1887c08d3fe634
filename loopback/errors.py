"""The error answers of the Bot API, as the real server words them."""

from __future__ import annotations


class ApiError(Exception):
    """A Bot API failure: becomes ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, error_code: int, description: str) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description

    @classmethod
    def bad_request(cls, detail: str) -> ApiError:
        return cls(400, f"Bad Request: {detail}")

    @classmethod
    def forbidden(cls, detail: str) -> ApiError:
        return cls(403, f"Forbidden: {detail}")

    def to_api(self) -> dict[str, object]:
        return {"ok": False, "error_code": self.error_code, "description": self.description}


UNAUTHORIZED = ApiError(401, "Unauthorized")
NOT_FOUND = ApiError(404, "Not Found")
