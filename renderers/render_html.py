"""The bloemlezing as one standalone, printable HTML page, and the "Bijdragen" page.

Everything is inline (no external files): A4 print styles, a page break before each part,
the running footer in the page margin when printed. Quote text is HTML-escaped; quotes keep
their own ``lang`` and writing direction (Arabic reads right to left).
"""

from __future__ import annotations

import os
from html import escape

from renderers.document_text import (
    Wording,
    base_language,
    contribution_question,
    is_foreign,
    is_right_to_left,
    language_mark,
    pull_quote_text,
    translated_mark,
)
from renderers.front_matter import NumberedList, annex_organisations, front_matter
from renderers.model import Anthology, Quote
from storage.atomic_file import write_text_atomically

_STYLE = """
:root { --ink: #1d1d1b; --navy: #154273; --blue: #01689b; --sky: #8fcae7; --grey: #6b6b6b; }
* { box-sizing: border-box; }
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; color: var(--ink);
  font-size: 11pt; line-height: 1.45; max-width: 46rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1, h2, h3 { color: var(--navy); line-height: 1.2; }
h2 { font-size: 1.7rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
a { color: var(--blue); }
.title-page { border-top: 1.2rem solid var(--navy); padding: 3rem 0 4rem; }
.programme { color: var(--blue); font-size: 1.1rem; letter-spacing: .08em;
  text-transform: uppercase; font-weight: bold; margin: 0 0 5rem; }
.title-page h1 { font-size: 2.4rem; margin: 0 0 1rem; }
.subtitle { font-size: 1.3rem; color: var(--blue); margin: 0 0 2rem; }
.date { color: var(--grey); }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 1.6rem; margin-bottom: .6rem; }
nav.toc > ol > li { margin-top: .5rem; font-weight: bold; }
nav.toc ol ol li { font-weight: normal; }
nav.toc a { text-decoration: none; color: var(--ink); }
ol.questions li { margin-bottom: .3rem; }
.part-title { border-left: .5rem solid var(--navy); padding: .5rem 0 .5rem 1.2rem; margin: 3rem 0; }
.part-label { color: var(--blue); text-transform: uppercase; letter-spacing: .08em;
  font-weight: bold; margin: 0; }
.part-title h2 { font-size: 2.1rem; margin: .2rem 0 .8rem; }
.part-question { font-style: italic; color: var(--grey); font-size: 1.1rem; margin: 0; }
blockquote { margin: 0 0 .8rem 1.2rem; padding: .1rem 0 .1rem .9rem;
  border-left: 3px solid var(--sky); }
blockquote p { margin: 0; white-space: pre-line; }
blockquote[dir="rtl"] { border-left: 0; border-right: 3px solid var(--sky);
  margin: 0 1.2rem .8rem 0; padding: .1rem .9rem .1rem 0; }
.lang-mark { color: var(--grey); font-size: .85em; white-space: nowrap; }
.translation { color: var(--grey); font-style: italic; font-size: .92em; margin-top: .2rem; }
.cluster-quotes { columns: 2; column-gap: 2rem; }
.cluster-quotes blockquote { break-inside: avoid; }
.pull-quote { border-left: 5px solid var(--blue); margin: 1.6rem 0; padding-left: 1.2rem;
  font-size: 1.45rem; line-height: 1.3; color: var(--blue); }
.organisations { columns: 2; padding-left: 1.2rem; }
.running-footer { margin-top: 3rem; color: var(--grey); font-size: .85rem;
  border-top: 1px solid var(--sky); padding-top: .4rem; }
@page { size: A4; margin: 2.2cm 2.2cm 2.4cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .title-page { min-height: 24cm; }
  nav.toc, .context, .part, .annex { break-before: page; }
  .part-title { break-after: page; }
  h2, h3 { break-after: avoid; }
  blockquote { break-inside: avoid; }
  nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
  .running-footer { display: none; }
}
"""


def _css_string(text: str) -> str:
    safe = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + safe.replace("<", "\\3C ") + '"'


def _page_style(footer: str) -> str:
    return (
        "@page { @bottom-left { content: "
        + _css_string(footer)
        + "; font-size: 8.5pt; color: #6b6b6b; }"
        " @bottom-right { content: counter(page); font-size: 8.5pt; color: #6b6b6b; } }\n"
        "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }\n"
    )


def _head(anthology: Anthology, title: str, footer: str) -> list[str]:
    return [
        "<!DOCTYPE html>",
        f'<html lang="{escape(base_language(anthology.locale))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(anthology.programme)} – {escape(title)}</title>",
        f"<style>{_STYLE}{_page_style(footer)}</style>",
        "</head>",
        "<body>",
    ]


def _title_page(anthology: Anthology, title: str, subtitle: str) -> list[str]:
    lines = ['<header class="title-page">']
    lines.append(f'<p class="programme">{escape(anthology.programme)}</p>')
    lines.append(f"<h1>{escape(title)}</h1>")
    if subtitle:
        lines.append(f'<p class="subtitle">{escape(subtitle)}</p>')
    if anthology.date:
        lines.append(f'<p class="date">{escape(anthology.date)}</p>')
    return [*lines, "</header>"]


def _quote(anthology: Anthology, quote: Quote, wording: Wording, css_class: str) -> str:
    # No statement id in the page: ids of one answer's statements would show who said what.
    pull = css_class == "pull-quote"
    translated = pull and is_foreign(anthology, quote) and bool(quote.translation)
    code = anthology.locale if translated else (quote.lang or anthology.locale)
    language = escape(base_language(code))
    direction = "rtl" if is_right_to_left(code) else "auto"
    if translated:
        mark = translated_mark(anthology, quote, wording)
    else:
        mark = language_mark(anthology, quote, wording)
    text = pull_quote_text(anthology, quote) if pull else quote.text
    shown = f"<p>{escape(wording.quoted(text) if pull else text)}"
    if mark:  # isolated, so after right-to-left text it stands whole at the line's end
        document_language = escape(base_language(anthology.locale))
        shown += (
            f' <bdi class="lang-mark" dir="ltr" lang="{document_language}">{escape(mark)}</bdi>'
        )
    shown += "</p>"
    if quote.translation and not pull and is_foreign(anthology, quote):
        document_language = escape(base_language(anthology.locale))
        translation = wording.text("translation", text=quote.translation)
        shown += (
            f'<p class="translation" lang="{document_language}" dir="ltr">{escape(translation)}</p>'
        )
    return (
        f'<blockquote class="{css_class}" lang="{language}" dir="{direction}">{shown}</blockquote>'
    )


def _anchor(prefix: str, number: str) -> str:
    return f"{prefix}-" + "-".join(escape(number).split("."))


def html_text(anthology: Anthology) -> str:
    wording = Wording(anthology.locale)
    footer = wording.text("footer", programme=anthology.programme)
    annex = wording.text("annex.heading") if anthology.organisations else ""
    context = front_matter(anthology, wording)
    lines = _head(anthology, anthology.title, footer)
    lines += _title_page(anthology, anthology.title, anthology.subtitle)

    lines += ['<nav class="toc">', f"<h2>{escape(wording.text('toc.heading'))}</h2>", "<ol>"]
    lines.append(f'<li><a href="#context">{escape(context.heading)}</a></li>')
    for part in anthology.parts:
        lines.append(
            f'<li><a href="#{_anchor("deel", part.number)}">'
            f"{escape(part.number)} {escape(part.title)}</a><ol>"
        )
        for cluster in part.clusters:
            lines.append(
                f'<li><a href="#{_anchor("cluster", cluster.number)}">'
                f"{escape(cluster.number)} {escape(cluster.title)}</a></li>"
            )
        lines.append("</ol></li>")
    if annex:
        lines.append(f'<li><a href="#bijlage-a">{escape(annex)}</a></li>')
    lines += ["</ol>", "</nav>"]

    lines += ['<section class="context" id="context">', f"<h2>{escape(context.heading)}</h2>"]
    for section in context.sections:
        lines.append(f"<h3>{escape(section.heading)}</h3>")
        for block in section.blocks:
            if isinstance(block, NumberedList):
                lines.append('<ol class="questions">')
                lines += [f'<li value="{n}">{escape(text)}</li>' for n, text in block.items]
                lines.append("</ol>")
            else:
                lines.append(f"<p>{escape(block)}</p>")
    lines.append("</section>")

    for part in anthology.parts:
        label = wording.text("part.label", number=part.number)
        question = wording.text("part.question", number=part.question_number)
        lines += [
            f'<section class="part" id="{_anchor("deel", part.number)}">',
            '<header class="part-title">',
            f'<p class="part-label">{escape(label)}</p>',
            f"<h2>{escape(part.number)} {escape(part.title)}</h2>",
            f'<p class="part-question">{escape(question)}: {escape(part.question_text)}</p>',
        ]
        lines += [_quote(anthology, q, wording, "pull-quote") for q in part.pull_quotes]
        lines.append("</header>")
        for cluster in part.clusters:
            lines.append(f'<section class="cluster" id="{_anchor("cluster", cluster.number)}">')
            lines.append(f"<h3>{escape(cluster.number)} {escape(cluster.title)}</h3>")
            lines.append('<div class="cluster-quotes">')
            lines += [_quote(anthology, q, wording, "quote") for q in cluster.quotes]
            lines += ["</div>", "</section>"]
        lines.append("</section>")

    if annex:
        lines += [
            '<section class="annex" id="bijlage-a">',
            f"<h2>{escape(annex)}</h2>",
            f"<p>{escape(wording.text('annex.intro'))}</p>",
            '<ul class="organisations">',
            *(f"<li>{escape(name)}</li>" for name in annex_organisations(anthology)),
            "</ul>",
            "</section>",
        ]
    lines += [f'<footer class="running-footer">{escape(footer)}</footer>', "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def contributions_html_text(anthology: Anthology) -> str:
    wording = Wording(anthology.locale)
    question = contribution_question(anthology)
    number = question.number if question else ""
    title = wording.text("contributions.title")
    footer = wording.text("footer", programme=anthology.programme)
    lines = _head(anthology, title, footer)
    lines += _title_page(anthology, title, wording.text("contributions.subtitle", number=number))
    lines.append('<section class="contributions">')
    if question is not None:
        intro = wording.text("contributions.intro", number=number, question=question.text)
        lines.append(f"<p>{escape(intro)}</p>")
    if anthology.contributions:
        count = wording.plural("contributions.count", len(anthology.contributions))
        lines.append(f"<h3>{escape(count)}</h3>")
    else:
        lines.append(f"<p>{escape(wording.text('contributions.empty'))}</p>")
    lines += [_quote(anthology, q, wording, "quote") for q in anthology.contributions]
    lines += ["</section>", f'<footer class="running-footer">{escape(footer)}</footer>']
    return "\n".join([*lines, "</body>", "</html>"]) + "\n"


def render_html(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, html_text(anthology))


def render_contributions_html(anthology: Anthology, path: str | os.PathLike[str]) -> None:
    write_text_atomically(path, contributions_html_text(anthology))
