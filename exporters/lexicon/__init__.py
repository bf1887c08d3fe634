"""Word lists the exporters read: abbreviations, sentence continuations, stop words, concepts.

Data only (text and YAML files next to this module); see ``exporters.lexicon`` readers in
``exporters.statements``, ``exporters.languages`` and ``exporters.concepts``.
"""

from __future__ import annotations

from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
