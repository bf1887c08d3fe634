"""Pull quotes stand on their own: complete sentences in the document's language first."""

from __future__ import annotations

from analysis.codebook_formats import load_default_codebook
from consultation.pull_quotes import complete_sentence, highlight
from consultation.selection import Piece

DUTCH = "Zonder vertrouwen in de politie doet niemand aangifte, hoe goed de wet ook is."
ENGLISH = "Without trust in the police nobody reports anything, however good the law is."
LIST = "Wat nodig is:\n- een vast aanspreekpunt voor elk slachtoffer\n- korte lijnen"
BACK = "Daardoor blijven slachtoffers vaak maandenlang zonder begeleiding zitten."
POLISH = "Bez zaufania do policji nikt nie zgłasza przestępstwa, niezależnie od prawa."


def piece(i, text, lang="nl", cluster="2.1", score=0.9, translation=""):
    return Piece(
        id=f"s{i:012x}",
        text=text,
        lang=lang,
        question=3,
        respondent=f"r{i}",
        answer_id=i,
        cluster=cluster,
        score=score,
        start=0,
        end=len(text),
        highlight=False,
        translation=translation,
    )


def chosen(pieces):
    return [p.text for p in highlight(pieces, load_default_codebook(), "nl") if p.highlight]


def test_a_complete_dutch_sentence_wins_over_english_lists_and_back_references():
    pieces = [
        piece(1, ENGLISH, "en", "2.1", 0.99),
        piece(2, LIST, "nl", "2.2", 0.98),
        piece(3, BACK, "nl", "2.3", 0.97),
        piece(4, DUTCH, "nl", "2.4", 0.5),
    ]
    assert chosen(pieces) == [DUTCH]


def test_a_foreign_quote_with_a_dutch_translation_may_be_a_pull_quote():
    translation = "Zonder vertrouwen in de politie meldt niemand een misdrijf, wat de wet ook zegt."
    pieces = [piece(1, POLISH, "pl", "2.1", 0.9, translation), piece(2, ENGLISH, "en", "2.2", 0.99)]
    assert chosen(pieces) == [POLISH]


def test_without_any_dutch_a_complete_sentence_in_another_language_is_used():
    assert chosen([piece(1, ENGLISH, "en"), piece(2, LIST, "nl", "2.2")]) == [ENGLISH]


def test_what_counts_as_a_complete_sentence():
    assert complete_sentence(DUTCH, "nl")
    assert not complete_sentence("zonder vertrouwen doet niemand aangifte bij de politie.", "nl")
    assert not complete_sentence(BACK, "nl")
    assert not complete_sentence(LIST, "nl")
    assert not complete_sentence("Niemand vroeg door", "nl")
