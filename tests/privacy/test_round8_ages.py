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


MORE_AGES = [
    ("ar", "kan 3ndi 16 3am mli jit l holanda", "16"),  # not a list of ages "16 3..."
    ("ar", "واحد منهم كان عندو 15 العام ملي شدو البوليس", "15"),
    ("bg", "Бях на 16г, когато ме доведоха.", "16"),
    ("bg", "Бях на шестнайсе. Никой не ме питаше.", "шестнайсе"),
    ("en", "Inspection found two minors (16y, 17y) on the night shift.", "16y"),
    ("es", "Tenemos a una chica marroquí de 16 años en el refugio.", "16"),
    ("uk", "Маринка (донька 6 років) чекала психолога три місяці.", "6"),
]


@pytest.mark.parametrize(("lang", "text", "age"), MORE_AGES)
def test_more_ways_of_telling_an_age(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


def test_years_worked_for_someone_are_no_age(scrub):
    text = "khdemt 3ndo 2 3am f serre dyal tomatich"
    assert scrub(text, "ar", "expert") == text
