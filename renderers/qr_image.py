"""An invite link as a QR code picture (PNG) to show on a screen at the round table."""

from __future__ import annotations

import io

import segno


def qr_png(link: str, scale: int = 10) -> bytes:
    """A PNG of ``link`` as a QR code with a quiet zone, readable from across a table."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
