"""Writing an export so that no half-written file is ever left behind.

The content goes to a temporary file in the target's own folder (so the final
``os.replace`` is a rename on one file system); only a complete file replaces
the target. On any error the temporary file is removed and the target, if it
existed, is untouched.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; move it into place if the block succeeds."""
    target = Path(path)
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".part", dir=target.parent or Path(".")
    )
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_text_atomically(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding=encoding, newline="\n")


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
