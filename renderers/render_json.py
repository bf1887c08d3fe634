"""The whole structured anthology as JSON, and reading it back.

``{"format": "rondetafel-bloemlezing", "version": 1, ...}`` followed by every field of
``renderers.model.Anthology`` (parts, clusters, quotes with id, language and highlight
flag, contributions, organisations). UTF-8, not ASCII-escaped, stable key order.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from renderers.model import Anthology, Cluster, Part, Participation, Question, Quote
from storage.atomic_file import write_text_atomically

FORMAT = "rondetafel-bloemlezing"
VERSION = 2  # 2: translations, sessions, left-out and held-back counts, unmarked languages
READABLE = (1, 2)


def anthology_to_dict(anthology: Anthology) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **asdict(anthology)}


def _quote(data: dict[str, Any]) -> Quote:
    return Quote(
        id=data["id"],
        text=data["text"],
        lang=data["lang"],
        highlight=data["highlight"],
        translation=data.get("translation", ""),
    )


def anthology_from_dict(data: dict[str, Any]) -> Anthology:
    if data.get("format") != FORMAT or data.get("version") not in READABLE:
        raise ValueError(f"not a {FORMAT} document of version {' or '.join(map(str, READABLE))}")
    parts = tuple(
        Part(
            number=p["number"],
            title=p["title"],
            question_number=p["question_number"],
            question_text=p["question_text"],
            clusters=tuple(
                Cluster(
                    number=c["number"],
                    title=c["title"],
                    quotes=tuple(_quote(q) for q in c["quotes"]),
                    source_number=c["source_number"],
                    proposed=c["proposed"],
                )
                for c in p["clusters"]
            ),
        )
        for p in data["parts"]
    )
    return Anthology(
        programme=data["programme"],
        title=data["title"],
        subtitle=data["subtitle"],
        date=data["date"],
        locale=data["locale"],
        questions=tuple(Question(**q) for q in data["questions"]),
        participation=Participation(**data["participation"]),
        parts=parts,
        organisations=tuple(data["organisations"]),
        contributions=tuple(_quote(q) for q in data["contributions"]),
        language_names=dict(data["language_names"]),
        sessions=tuple(data.get("sessions", ())),
        left_out=data.get("left_out", 0),
        held_back=data.get("held_back", 0),
        unmarked_languages=tuple(data.get("unmarked_languages", ())),
    )


def json_text(anthology: Anthology) -> str:
    return json.dumps(anthology_to_dict(anthology), ensure_ascii=False, indent=2) + "\n"


def render_json(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, json_text(anthology))


def read_json(path: str | os.PathLike[str]) -> Anthology:
    """Read a file written by ``render_json``; ``ValueError`` if it is not one."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return anthology_from_dict(data)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a complete {FORMAT} document ({exc})") from exc
