"""Word lists the text analysis reads: abbreviations, sentence continuations, stop words, concepts.

Data only (text and YAML files next to this module); see ``analysis.lexicon`` readers in
``analysis.statements``, ``analysis.languages`` and ``analysis.concepts``.
"""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
