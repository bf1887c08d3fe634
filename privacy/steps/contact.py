"""E-mail addresses, social-media handles and personal profile links.

Also e-mail addresses written to dodge a filter or a spam bot ("jan @ gmail.com",
"jan punt devries apenstaartje gmail punt com", "j.devries(at)gmail(dot)com"), and
handles named after their platform without an @ ("mijn snapchat was lisa2001x", "zijn
TikTok heet lisa_official_nl", "insta: lisa.b"). Platform words, linking words and
the spelled "@" and "." per language are data (data/keywords.yaml).
"""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon, keyword_pattern
from privacy.statement import Finding, Statement

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Profile links on the platforms people use to recruit and to be reached.
PROFILE_LINK = re.compile(
    r"(?:https?://)?(?:www\.|m\.|[a-z]{2}-[a-z]{2}\.)?"
    r"(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|tiktok\.com|t\.me|"
    r"telegram\.me|wa\.me|twitter\.com|x\.com|linkedin\.com/in|snapchat\.com/add|"
    r"vk\.com|ok\.ru|onlyfans\.com|youtube\.com|threads\.net|pinterest\.com)"
    r"/[^\s,;:!?()\[\]\"'<>]+",
    re.IGNORECASE,
)
_LOCAL_PART = re.compile(r"(?<![\w.+-])[\w+-][\w.+-]*$")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?(?![\w@])")
_HANDLE_WORD = re.compile(r"@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29}")
# "snap: lisa_2004", "insta = lisa.b", "telegram - lisa" (not "Telegram-groepen")
_SEPARATOR = re.compile(r"\s*[:=]\s*|\s+[-–]\s+")
_COMMA = re.compile(r"\s*,\s*")
_LOOKS_LIKE_HANDLE = re.compile(r"(?=.*[A-Za-z]).*(?:\d|_|\w\.\w)")


class _Contact:
    def __init__(self, lexicon: Lexicon) -> None:
        words = lexicon.keywords
        self.platforms = keyword_pattern(words["platform"])
        # "Instagram-account, sweet.anna99", "TikTok-profiel: ...": a compound of a platform
        names = sorted((re.escape(w) for w in words["platform"]), key=len, reverse=True)
        self.compounds = re.compile(rf"(?<![\w-])(?i:{'|'.join(names)})-\w+")
        self.links = frozenset(w.lower() for w in words["handle_link"])
        at = "|".join(re.escape(w) for w in words["email_at"])
        dot = "|".join(re.escape(w) for w in words["email_dot"])
        # not " @lisa": a space before the "@" and none after it is a handle
        self.spelled_at = re.compile(
            rf"\s*@\s+|(?<!\s)@|\s*[(\[{{<]\s*(?:at|@)\s*[)\]}}>]\s*|\s+(?i:{at})\s+"
        )
        self.spelled_dot = re.compile(
            rf"\s*[(\[{{<]\s*(?i:dot|punt)\s*[)\]}}>]\s*|\s+(?i:{dot})\s+"
            r"|\s+\.\s+(?=[a-z]{2,6}\b)"  # "jan @ gmail . com"
        )
        self.trigger = re.compile(rf"@|[(\[{{<]\s*at\s*[)\]}}>]|(?<!\w)(?i:{at})(?!\w)")

    def __call__(self, st: Statement) -> list[Finding]:
        text = st.text
        found = [Finding(m.start(), m.end(), "email", "contact") for m in EMAIL.finditer(text)]
        if self.trigger.search(text):
            found += self._spelled_emails(text)
        if "/" in text:
            found += [
                Finding(m.start(), m.end(), "handle", "contact")
                for m in PROFILE_LINK.finditer(text)
            ]
        if "@" in text:
            found += [
                Finding(m.start(), m.end(), "handle", "contact") for m in HANDLE.finditer(text)
            ]
        for m in [*self.platforms.finditer(text), *self.compounds.finditer(text)]:
            span = self._handle_after(text, m.end())
            if span:
                found.append(Finding(*span, "handle", "contact"))
        return [_trim(f, text) for f in found]

    def _handle_after(self, text: str, end: int) -> tuple[int, int] | None:
        """The handle a platform word introduces, if any: after ":" or linking words,
        or any word that looks like a user name within the next five words ("pe insta
        ma gasesti ca ana.m_99", "on snap (kingmoney77)")."""
        return self._linked_handle(text, end) or _nearby_handle(text, end)

    def _linked_handle(self, text: str, end: int) -> tuple[int, int] | None:
        sep = _SEPARATOR.match(text, end)
        if sep:
            value = _HANDLE_WORD.match(text, sep.end())
            return value.span() if value else None
        comma = _COMMA.match(text, end)  # "een Instagram-account, sweet.anna99, ..."
        if comma:
            value = _HANDLE_WORD.match(text, comma.end())
            if value and _LOOKS_LIKE_HANDLE.match(value.group()):
                return value.span()
        cursor = end
        for _ in range(4):  # "was", "heet", "account is", "профилът му е"
            gap = re.match(r"\s+", text[cursor:])
            if not gap:
                return None
            cursor += gap.end()
            word = re.match(r"[^\W\d_]+", text[cursor:])
            value = _HANDLE_WORD.match(text, cursor)
            if value and _LOOKS_LIKE_HANDLE.match(value.group()):
                return value.span()
            if not word or word.group().lower() not in self.links:
                return None
            cursor += word.end()
            sep = _SEPARATOR.match(text, cursor)
            if sep:
                value = _HANDLE_WORD.match(text, sep.end())
                return value.span() if value else None
        return None

    def _spelled_emails(self, text: str) -> list[Finding]:
        """E-mail addresses with the "@" and "." written out or spaced."""
        pieces, origin, cursor = [], [], 0
        marks = sorted(
            [(m.start(), m.end(), "@") for m in self.spelled_at.finditer(text)]
            + [(m.start(), m.end(), ".") for m in self.spelled_dot.finditer(text)]
        )
        for start, end, char in marks:
            if start < cursor:
                continue
            pieces.append(text[cursor:start])
            origin.extend(range(cursor, start))
            pieces.append(char)
            origin.append(start)
            cursor = end
        pieces.append(text[cursor:])
        origin.extend(range(cursor, len(text)))
        copy = "".join(pieces)
        found = []
        for at in (i for i, ch in enumerate(copy) if ch == "@"):
            local = _LOCAL_PART.search(copy, 0, at)
            domain = _DOMAIN.match(copy, at + 1)
            if not local or not domain or copy[domain.end() : domain.end() + 1] == "@":
                continue  # "reach her at sarah dot jones at gmail": the last "at" counts
            if domain.group().lower().startswith("www."):
                continue  # "look at www.gov.uk": a web address, no e-mail domain
            start, end = origin[local.start()], origin[domain.end() - 1] + 1
            if end - start != domain.end() - local.start():  # else the plain pattern found it
                found.append(Finding(start, end, "email", "contact"))
        return found


_NEARBY = re.compile(r"\S+")
_HANDLE_SHAPE = re.compile(r"[A-Za-z0-9_.]{4,30}")
_WEB_ADDRESS = re.compile(
    r"(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
    r"(?:com|org|net|info|eu|gov|nl|be|uk|pl|ro|md|bg|hu|ua|es|de|fr|it|ma)"
)


def _nearby_handle(text: str, end: int) -> tuple[int, int] | None:
    """A word shaped like a user name (letters with digits, "_" or an inner dot; three
    letters at least) within five words after a platform word."""
    for count, m in enumerate(_NEARBY.finditer(text, end)):
        if count >= 5:
            break
        word = m.group().strip("()[]\"'“”„«».,;:!?")
        if word.startswith("@") or "://" in m.group():
            return None  # the @handle and link patterns find these
        if (
            _HANDLE_SHAPE.fullmatch(word)
            and not _WEB_ADDRESS.fullmatch(word)  # "gov.uk", "www.werk.nl"
            and _LOOKS_LIKE_HANDLE.match(word)
            and sum(ch.isalpha() for ch in word) >= 3
        ):
            start = text.index(word, m.start())
            return start, start + len(word)
    return None


def build(lexicon: Lexicon):
    return _Contact(lexicon)


def _trim(finding: Finding, text: str) -> Finding:
    end = finding.end
    while end > finding.start and text[end - 1] in ".,":
        end -= 1
    return Finding(finding.start, end, finding.label, finding.step)
