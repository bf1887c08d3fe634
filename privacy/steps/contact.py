"""E-mail addresses, social-media handles and personal profile links."""

from __future__ import annotations

import re

from privacy.lexicon import Lexicon
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
HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?(?![\w@])")
# "snap: lisa_2004", "insta lisa.b" ...
PLATFORM_HANDLE = re.compile(
    r"(?i:\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|telegram|kik|discord)\b)\s*(?::|-|=)\s*"
    r"(@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29})"
)


def build(lexicon: Lexicon):
    def contact(st: Statement) -> list[Finding]:
        text = st.text
        if "@" not in text and "." not in text and ":" not in text:
            return []
        found = [Finding(m.start(), m.end(), "email", "contact") for m in EMAIL.finditer(text)]
        found += [
            Finding(m.start(), m.end(), "handle", "contact")
            for m in PROFILE_LINK.finditer(text)
        ]
        if "@" in text:
            found += [
                Finding(m.start(), m.end(), "handle", "contact") for m in HANDLE.finditer(text)
            ]
        found += [
            Finding(m.start(1), m.end(1), "handle", "contact")
            for m in PLATFORM_HANDLE.finditer(text)
        ]
        return [_trim(f, text) for f in found]

    return contact


def _trim(finding: Finding, text: str) -> Finding:
    end = finding.end
    while end > finding.start and text[end - 1] in ".,":
        end -= 1
    return Finding(finding.start, end, finding.label, finding.step)
