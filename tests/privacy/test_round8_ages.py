"""Round 8 of issue 8: ages told by a year of birth, "recruited at 19", "la 20 de ani".

Sentences written for these tests (none copied from any test set).
"""

import pytest

GOES = [
    ("pl", "Moja córka, rocznik 2008, sprzątała domki na kempingu.", "2008"),
    ("es", "Nací en 2006 y llegué a Holanda siendo menor.", "2006"),
    ("en", "She was recruited at 16 by a neighbour from her village.", "16"),
    ("ro", "Am plecat din țară la 17 de ani cu un vecin.", "17"),
    ("es", "Yo tenía quince recién cumplidos cuando me sacaron del pueblo.", "quince"),
    ("hu", "2006-ban születtem, és tizenhat évesen mentem ki.", "2006"),
]


@pytest.mark.parametrize(("lang", "text", "age"), GOES)
def test_an_age_goes(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


STAYS = [
    ("en", "The workers arrived at 6 and left at 10 every day."),
    ("en", "The bus came at 5 and nobody checked the papers."),
    ("ro", "La 20 de ani de la aderare, oamenii tot nu își cunosc drepturile."),
    ("pl", "Ustawa z 2019 roku nic nie zmieniła."),
]


@pytest.mark.parametrize(("lang", "text"), STAYS)
def test_times_and_years_that_are_no_age_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text
