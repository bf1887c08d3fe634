"""A small progress chart (PNG) of a consultation: people per role and answers per question.

Drawn with matplotlib's Agg canvas directly (no pyplot, no display, no global state), so it
renders headless on a server. Labels come in already translated.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

COLOURS = ("#c9d6df", "#52616b", "#1e7f5c")  # invited, started / in progress, submitted


@dataclass(frozen=True)
class ChartData:
    title: str
    roles: Sequence[str]  # role labels
    people: Sequence[tuple[int, int, int]]  # per role: invited, started, submitted
    people_labels: tuple[str, str, str]  # "invited", "started", "submitted"
    questions: Sequence[str]  # question labels ("Q1", ...)
    answers: Sequence[tuple[int, int]]  # per question: submitted, in progress
    answer_labels: tuple[str, str]  # "answered", "in progress"


def _wrapped(label: str) -> str:
    """A long role label on two lines, so that labels side by side never run together."""
    return textwrap.fill(label, 14, break_long_words=False)


def progress_png(data: ChartData) -> bytes:
    figure = Figure(figsize=(7, 4.2), dpi=110)
    FigureCanvasAgg(figure)
    figure.suptitle(data.title, fontsize=12)
    left, right = figure.subplots(1, 2, gridspec_kw={"width_ratios": [1.25, 1]})
    width = 0.26
    for i, (label, colour) in enumerate(zip(data.people_labels, COLOURS, strict=True)):
        xs = [n + (i - 1) * width for n in range(len(data.roles))]
        values = [row[i] for row in data.people]
        bars = left.bar(xs, values, width, label=label, color=colour)
        left.bar_label(bars, fontsize=8)
    left.set_xticks(range(len(data.roles)), [_wrapped(r) for r in data.roles], fontsize=8)
    xs = range(len(data.questions))
    answered = [row[0] for row in data.answers]
    drafting = [row[1] for row in data.answers]
    bars = right.bar(xs, answered, 0.6, label=data.answer_labels[0], color=COLOURS[2])
    right.bar(xs, drafting, 0.6, bottom=answered, label=data.answer_labels[1], color=COLOURS[1])
    right.bar_label(bars, fontsize=8)
    right.set_xticks(list(xs), data.questions, fontsize=8)
    for axes in (left, right):
        # under the axes, where no bar or label can be: long words in some languages
        axes.legend(
            fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=3, frameon=False
        )
        axes.spines[["top", "right"]].set_visible(False)
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_ylim(bottom=0, top=max(1, axes.get_ylim()[1] * 1.15))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
