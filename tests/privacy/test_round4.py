"""Round 4 of issue 8: phone numbers read out in words, villages typed in lower case
(also in a case form), and ages in notes and forms; lists of ages and words that are
also village names stay.

Sentences written for these tests (none copied from any test set).
"""

import pytest

from privacy.spoken_numbers import spoken_numbers

READ_OUT = [
    ("nl", "bel haar op nul zes vijftig elf twee drie vier vijf, alleen overdag", "vijftig"),
    ("en", "text me on oh seven seven double four one two three nine eight seven", "double"),
    ("pl", "numer sześćset jeden, dwieście trzydzieści, czterysta pięćdziesiąt sześć", "trzysta"),
    ("ro", "sunati la zero sapte sase unu doi trei patru cinci sase sapte", "sapte"),
    ("es", "mi móvil: seis siete ocho, uno dos tres, cuatro cinco seis", "cinco"),
    ("uk", "дзвоніть: нуль дев'ять сім, один два три, сорок п'ять, шістдесят сім", "сорок"),
    ("ar", "رقمي صفر ستة ثلاثة اثنان واحد تسعة ثمانية سبعة ستة خمسة", "تسعة"),
]


@pytest.mark.parametrize(("lang", "text", "a_number_word"), READ_OUT)
def test_a_phone_number_read_out_in_words_goes(scrub, lang, text, a_number_word):
    out = scrub(text, lang, "expert")
    assert a_number_word not in out
    assert out != text


def test_words_of_a_spoken_number_become_its_digits():
    runs = spoken_numbers().runs("sześćset dwa, trzysta czterdzieści, pięćset sześćdziesiąt jeden")
    assert [run.digits for run in runs] == ["602340561"]
    # a comma ends a group: "harminc, egy kettő három" is 30 1 2 3, not 31 2 3
    runs = spoken_numbers().runs("harminc, egy kettő három, négy öt hat hét")
    assert runs[0].digits == "301234567"


def test_a_few_numbers_in_words_are_no_phone_number(scrub):
    text = "We waren met z'n zessen, soms zeven of acht, in twee kamers."
    assert scrub(text, "nl", "expert") == text


TYPED_VILLAGES = [
    ("nl", "ze kwam uit westmaas en werkte in de kassen", "westmaas"),
    ("ro", "am plecat din tecuci cu un vecin", "tecuci"),
    ("pl", "mieszkałem w sokolce dwa miesiące", "sokolce"),
    ("hu", "tiszalökön laktunk egy tanyán", "tiszalökön"),
]


@pytest.mark.parametrize(("lang", "text", "village"), TYPED_VILLAGES)
def test_a_village_typed_in_lower_case_goes(scrub, lang, text, village):
    assert village not in scrub(text, lang, "expert")


UNTOUCHED = [
    ("uk", "expert", "Я працювала у теплиці з ранку до ночі."),
    ("nl", "stakeholder", "Wij zien meisjes van 14 15 16 jaar, dat is de kwetsbaarste groep."),
    ("pl", "stakeholder", "W tym roku mieliśmy dwa, trzy zgłoszenia z rolnictwa."),
    ("ro", "expert", "lucram din zori in sera si dormeam in sat la o familie"),
]


@pytest.mark.parametrize(("lang", "profile", "text"), UNTOUCHED)
def test_text_with_nothing_identifying_stays_as_written(scrub, lang, profile, text):
    assert scrub(text, lang, profile) == text


AGES = [
    ("ro", "Victima, 16 ani, a fost găsită la o fermă.", "16"),
    ("uk", "Потерпіла, шістнадцять років, працювала без договору.", "шістнадцять"),
    ("en", "notes:\n- victim m 27\n- referred by police", "27"),
    ("pl", "Pokrzywdzony, lat 17, obywatel Rumunii.", "17"),
    ("en", "The client is seventeen and lives with her aunt.", "seventeen"),
]


@pytest.mark.parametrize(("lang", "text", "age"), AGES)
def test_an_exact_age_in_notes_and_forms_goes(scrub, lang, text, age):
    assert age not in scrub(text, lang, "stakeholder")
