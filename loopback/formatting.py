"""Message formatting: turns text with a ``parse_mode`` into plain text and entities.

Telegram stores a message as plain text plus entities (offsets in UTF-16 code units), and
rejects markup it cannot parse. The stand-in does the same, so a bot that forgets to escape
its HTML or MarkdownV2 fails here as it would in production.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from loopback.errors import ApiError

Entity = dict[str, object]

_HTML_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "blockquote": "blockquote",
    "span": "spoiler",
    "tg-emoji": "custom_emoji",
}
_V2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_V2_MARKERS = {"*": "bold", "_": "italic", "__": "underline", "~": "strikethrough", "||": "spoiler"}
_LEGACY_MARKERS = {"*": "bold", "_": "italic"}
_BARE_LT = re.compile(r"<(?![A-Za-z/!])")
_LEGACY_LINK = re.compile(r"\[[^\]]*\]\(")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cannot_parse(detail: str) -> ApiError:
    return ApiError.bad_request(f"can't parse entities: {detail}")


def parse_text(text: str, parse_mode: str | None) -> tuple[str, list[Entity]]:
    """Plain text and entities of ``text`` as Telegram would store it (trimmed)."""
    mode = (parse_mode or "").lower()
    if mode == "html":
        plain, entities = _HtmlText(text).parse()
    elif mode in ("markdownv2", "markdown"):
        plain, entities = _MarkdownText(text, v2=mode == "markdownv2").parse()
    elif mode:
        raise ApiError.bad_request(f"unsupported parse_mode {parse_mode!r}")
    else:
        plain, entities = text, []
    return _trimmed(plain, entities)


def _trimmed(plain: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    stripped = plain.strip()
    if stripped == plain:
        return plain, sorted(entities, key=lambda e: (e["offset"], -e["length"]))
    shift = utf16_len(plain[: len(plain) - len(plain.lstrip())])
    end = utf16_len(stripped)
    kept: list[Entity] = []
    for entity in entities:
        start = max(0, int(entity["offset"]) - shift)
        stop = min(end, int(entity["offset"]) + int(entity["length"]) - shift)
        if stop > start:
            kept.append({**entity, "offset": start, "length": stop - start})
    return stripped, sorted(kept, key=lambda e: (e["offset"], -e["length"]))


class _HtmlText(HTMLParser):
    """The subset of HTML the Bot API accepts."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self._source = source
        self._parts: list[str] = []
        self._length = 0
        self._open: list[tuple[str, int, Entity]] = []
        self._entities: list[Entity] = []

    def parse(self) -> tuple[str, list[Entity]]:
        bare = _BARE_LT.search(self._source)
        if bare:
            offset = len(self._source[: bare.start()].encode())
            raise _cannot_parse(f'Unsupported start tag "" at byte offset {offset}')
        self.feed(self._source)
        self.close()
        if self._open:
            raise _cannot_parse(
                f'Can\'t find end tag corresponding to start tag "{self._open[-1][0]}"'
            )
        return "".join(self._parts), [e for e in self._entities if e["length"]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        kind = _HTML_TAGS.get(tag)
        if kind is None or (tag == "span" and attributes.get("class") != "tg-spoiler"):
            raise _cannot_parse(f'Unsupported start tag "{tag}"')
        entity: Entity = {"type": kind}
        if tag == "a":
            entity["url"] = attributes.get("href") or ""
        elif tag == "tg-emoji":
            entity["custom_emoji_id"] = attributes.get("emoji-id") or ""
        elif tag == "blockquote" and "expandable" in attributes:
            entity["type"] = "expandable_blockquote"
        elif tag == "code" and self._open and self._open[-1][0] == "pre":
            language = (attributes.get("class") or "").removeprefix("language-")
            if language:
                self._open[-1][2]["language"] = language
                entity = {"type": "_code_in_pre"}
        self._open.append((tag, self._length, entity))

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1][0] != tag:
            raise _cannot_parse(f'Unexpected end tag "{tag}"')
        _, start, entity = self._open.pop()
        if entity["type"] != "_code_in_pre":
            self._entities.append({**entity, "offset": start, "length": self._length - start})

    def handle_data(self, data: str) -> None:
        self._parts.append(data)
        self._length += utf16_len(data)


class _MarkdownText:
    """MarkdownV2 (strict about reserved characters) and legacy Markdown."""

    def __init__(self, source: str, *, v2: bool) -> None:
        self._src = source
        self._v2 = v2
        self._out: list[str] = []
        self._length = 0
        self._open: list[tuple[str, int, int]] = []  # marker, text offset, source index
        self._entities: list[Entity] = []

    def parse(self) -> tuple[str, list[Entity]]:
        src, i = self._src, 0
        while i < len(src):
            i = self._step(src, i)
        if self._open:
            marker, _, index = self._open[-1]
            where = len(src[:index].encode())
            raise _cannot_parse(f"Can't find end of the entity starting at byte offset {where}")
        return "".join(self._out), [e for e in self._entities if e["length"]]

    def _emit(self, text: str) -> None:
        self._out.append(text)
        self._length += utf16_len(text)

    def _step(self, src: str, i: int) -> int:
        char = src[i]
        if char == "\\" and i + 1 < len(src) and (self._v2 or src[i + 1] in "_*`["):
            self._emit(src[i + 1])
            return i + 2
        if src.startswith("```", i):
            return self._pre(src, i)
        if char == "`":
            return self._code(src, i)
        if char == "[" and (self._v2 or _LEGACY_LINK.match(src, i)):
            self._open.append(("[", self._length, i))
            return i + 1
        if char == "]" and self._open and self._open[-1][0] == "[":
            return self._link(src, i)
        markers = _V2_MARKERS if self._v2 else _LEGACY_MARKERS
        for marker in sorted(markers, key=len, reverse=True):
            if src.startswith(marker, i):
                self._toggle(marker, markers[marker], i)
                return i + len(marker)
        if self._v2 and char == ">" and (i == 0 or src[i - 1] == "\n"):
            return self._quote(src, i)
        if self._v2 and char in _V2_RESERVED:
            raise _cannot_parse(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        self._emit(char)
        return i + 1

    def _quote(self, src: str, i: int) -> int:
        end = src.find("\n", i)
        end = len(src) if end < 0 else end
        start = self._length
        text, entities = _MarkdownText(src[i + 1 : end], v2=True).parse()
        for entity in entities:
            self._entities.append({**entity, "offset": int(entity["offset"]) + start})
        self._emit(text)
        self._entities.append({"type": "blockquote", "offset": start, "length": utf16_len(text)})
        return end

    def _toggle(self, marker: str, kind: str, index: int) -> None:
        if self._open and self._open[-1][0] == marker:
            _, start, _ = self._open.pop()
            self._entities.append({"type": kind, "offset": start, "length": self._length - start})
        else:
            self._open.append((marker, self._length, index))

    def _closing(self, src: str, start: int, fence: str) -> int:
        end = start
        while True:
            end = src.find(fence, end)
            if end < 0:
                where = len(src[:start].encode())
                raise _cannot_parse(f"Can't find end of the entity starting at byte offset {where}")
            if not self._v2 or src[end - 1] != "\\":
                return end
            end += 1

    def _code(self, src: str, i: int) -> int:
        end = self._closing(src, i + 1, "`")
        start = self._length
        self._emit(self._unescape(src[i + 1 : end]))
        self._entities.append({"type": "code", "offset": start, "length": self._length - start})
        return end + 1

    def _pre(self, src: str, i: int) -> int:
        end = self._closing(src, i + 3, "```")
        body = src[i + 3 : end]
        language = ""
        first, newline, rest = body.partition("\n")
        if newline and first and " " not in first:
            language, body = first, rest
        start = self._length
        self._emit(self._unescape(body))
        entity: Entity = {"type": "pre", "offset": start, "length": self._length - start}
        if language:
            entity["language"] = language
        self._entities.append(entity)
        return end + 3

    def _link(self, src: str, i: int) -> int:
        _, start, index = self._open.pop()
        if not src.startswith("(", i + 1):
            raise _cannot_parse(
                "Character ']' is reserved and must be escaped with the preceding '\\'"
            )
        close = self._closing(src, i + 2, ")")
        url = self._unescape(src[i + 2 : close])
        self._entities.append(
            {"type": "text_link", "offset": start, "length": self._length - start, "url": url}
        )
        return close + 1

    def _unescape(self, text: str) -> str:
        return re.sub(r"\\(.)", r"\1", text, flags=re.S) if self._v2 else text
