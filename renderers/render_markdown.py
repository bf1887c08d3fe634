"""The bloemlezing as Markdown, and the question-5 answers as a separate "Bijdragen" document.

Same structure as the Word document: title, contents, "Context en verantwoording", the
parts in order with their pull quotes and numbered clusters, annex A. Quote text is escaped
so Markdown shows it literally (a quote starting with "- " stays a sentence, not a list).
"""

from __future__ import annotations

import os
import re

from renderers.document_text import (
    Wording,
    contribution_question,
    is_foreign,
    language_mark,
    placed_mark,
    pull_quote_text,
    translated_mark,
)
from renderers.front_matter import NumberedList, annex_organisations, front_matter
from renderers.model import Anthology, Quote
from storage.atomic_file import write_text_atomically

_INLINE_SPECIAL = re.compile(r"([\\`*_<]|~~)")
_LINK_LIKE = re.compile(r"\]\s*[(\[:]")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#\->=]|\+(?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def escape(text: str) -> str:
    """Backslash-escape what Markdown would otherwise format (one line of text).

    Brackets stay as they are unless they could form a link, so placeholders such as
    ``[naam]`` remain readable in the raw file.
    """
    text = _INLINE_SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group(1)), text)
    if _LINK_LIKE.search(text):
        text = text.replace("[", "\\[").replace("]", "\\]")
    return _LINE_START_SPECIAL.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    if marker[0].isdigit():  # "1. een" must stay text: escape the dot, "1\. een"
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


class _Slugs:
    """GitHub-style heading anchors, unique within one document."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, heading: str) -> str:
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        count = self._seen.get(slug, 0)
        self._seen[slug] = count + 1
        return slug if count == 0 else f"{slug}-{count}"


def _quote_lines(
    text: str, mark: str, wording: Wording, strong: bool = False, quoted: bool = False
) -> list[str]:
    lines = text.split("\n")
    if quoted:
        lines[0] = wording.text("quote_open") + lines[0]
        lines[-1] = lines[-1] + wording.text("quote_close")
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            out.append(">")
            continue
        shown = escape(line)
        if strong:
            shown = f"**{shown}**"
        if i == len(lines) - 1 and mark:
            shown += f" *{escape(mark)}*"
        elif i < len(lines) - 1 and lines[i + 1].strip():
            shown += "\\"  # hard line break: the answer's own line breaks stay
        out.append(f"> {shown}")
    return out


def _quote(anthology: Anthology, quote: Quote, wording: Wording, strong: bool = False) -> str:
    """A body quote as written (the blockquote marks it), its language named after it and the
    work group's translation under it; a pull quote in quotation marks, in translation if
    there is one."""
    translated = strong and is_foreign(anthology, quote) and bool(quote.translation)
    if translated:
        mark = translated_mark(anthology, quote, wording)
    else:
        mark = placed_mark(language_mark(anthology, quote, wording), quote)
    text = pull_quote_text(anthology, quote) if strong else quote.text
    lines = _quote_lines(text, mark, wording, strong, quoted=strong)
    if quote.translation and not strong and is_foreign(anthology, quote):
        translation = wording.text("translation", text=" ".join(quote.translation.split()))
        lines += [">", f"> *{escape(translation)}*"]
    return "\n".join(lines)


def _title(anthology: Anthology, title: str, subtitle: str) -> list[str]:
    lines = [f"**{escape(anthology.programme)}**", "", f"# {escape(title)}", ""]
    if subtitle:
        lines += [f"*{escape(subtitle)}*", ""]
    if anthology.date:
        lines += [escape(anthology.date), ""]
    return lines


def markdown_text(anthology: Anthology) -> str:
    wording = Wording(anthology.locale)
    slugs = _Slugs()
    context = front_matter(anthology, wording)
    annex = wording.text("annex.heading") if anthology.organisations else ""

    contents = [f"- [{escape(context.heading)}](#{slugs(context.heading)})"]
    for part in anthology.parts:
        heading = f"{part.number} {part.title}"
        contents.append(f"- [{escape(heading)}](#{slugs(heading)})")
        for cluster in part.clusters:
            heading = f"{cluster.number} {cluster.title}"
            contents.append(f"  - [{escape(heading)}](#{slugs(heading)})")
    if annex:
        contents.append(f"- [{escape(annex)}](#{slugs(annex)})")

    lines = _title(anthology, anthology.title, anthology.subtitle)
    lines += [f"## {wording.text('toc.heading')}", "", *contents, ""]
    lines += [f"## {escape(context.heading)}", ""]
    for section in context.sections:
        lines += [f"### {escape(section.heading)}", ""]
        for block in section.blocks:
            if isinstance(block, NumberedList):
                lines += [f"{number}. {escape(text)}" for number, text in block.items]
            else:
                lines.append(escape(block))
            lines.append("")

    for part in anthology.parts:
        question = wording.text("part.question", number=part.question_number)
        lines += ["---", "", f"## {escape(part.number)} {escape(part.title)}", ""]
        lines += [f"*{escape(question)}: {escape(part.question_text)}*", ""]
        for quote in part.pull_quotes:
            lines += [_quote(anthology, quote, wording, strong=True), ""]
        for cluster in part.clusters:
            lines += [f"### {escape(cluster.number)} {escape(cluster.title)}", ""]
            for quote in cluster.quotes:
                lines += [_quote(anthology, quote, wording), ""]

    if annex:
        lines += ["---", "", f"## {escape(annex)}", "", escape(wording.text("annex.intro")), ""]
        lines += [f"- {escape(name)}" for name in annex_organisations(anthology)]
        lines.append("")
    footer = wording.text("footer", programme=anthology.programme)
    lines += ["---", "", f"*{escape(footer)}*", ""]
    return "\n".join(lines)


def contributions_markdown_text(anthology: Anthology) -> str:
    wording = Wording(anthology.locale)
    question = contribution_question(anthology)
    number = question.number if question else ""
    lines = _title(
        anthology,
        wording.text("contributions.title"),
        wording.text("contributions.subtitle", number=number),
    )
    if question is not None:
        intro = wording.text("contributions.intro", number=number, question=question.text)
        lines += [escape(intro), ""]
    if not anthology.contributions:
        lines += [escape(wording.text("contributions.empty")), ""]
    else:
        count = wording.plural("contributions.count", len(anthology.contributions))
        lines += [f"**{escape(count)}**", ""]
    for quote in anthology.contributions:
        lines += [_quote(anthology, quote, wording), ""]
    return "\n".join(lines)


def render_markdown(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, markdown_text(anthology))


def render_contributions_markdown(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, contributions_markdown_text(anthology))
