"""A person, village or employer found once is gone at every mention in the same answer
(privacy/echoes.py). Sentences written for these tests, none copied from any test set.
"""

import pytest

from privacy.folding import fold_lower


def _gone(result: str, *words: str) -> bool:
    """None of ``words`` is left in ``result``, in any case or accents."""
    folded = fold_lower(result)
    return not any(fold_lower(word) in folded for word in words)


# (lang, text, what must be gone everywhere, what must stay as written)
MENTIONED_AGAIN = [
    # found by "Mijn naam is", then in lower case, capitals, and the family name alone
    (
        "nl",
        "Mijn naam is Ioana Popescu. De voorman riep altijd ioana, of POPESCU als hij boos was.",
        ("Ioana", "Popescu"),
        ("De voorman riep altijd", "als hij boos was."),
    ),
    # found by a role word ("collega"); the family name comes back in lower case
    (
        "nl",
        "Mijn collega Sjoerd Hoekstra regelde de bus. Iedereen wist dat hoekstra de huur inde.",
        ("Sjoerd", "Hoekstra"),
        ("Iedereen wist dat", "de huur inde."),
    ),
    # Romanian: without diacritics, and in the genitive
    (
        "ro",
        "Mă numesc Mihaela Căpraru. La fermă toți îmi spuneau capraru. Mama Mihaelei nu știe.",
        ("Mihaela", "Căpraru", "Mihaelei"),
        ("La fermă toți îmi spuneau", "nu știe."),
    ),
    # Polish: the surname typed without "ś", and inflected after a preposition
    (
        "pl",
        "Nazywam się Grzegorz Wiśniewski. Kierownik wołał wisniewski i mówił o Wiśniewskim źle.",
        ("Grzegorz", "Wiśniewski", "wisniewski", "Wiśniewskim"),
        ("Kierownik wołał", "źle."),
    ),
    # Ukrainian: the family name again in lower case
    (
        "uk",
        "Мене звати Оксана Ковальчук. На фермі мене кликали просто ковальчук.",
        ("Оксана", "Ковальчук"),
        ("На фермі мене кликали просто",),
    ),
    # Arabic: the name written once with hamza, once without
    (
        "ar",
        "اسمي أحمد وأعمل في مزرعة. صاحب العمل كان يناديني احمد فقط.",
        ("أحمد", "احمد"),
        ("صاحب العمل كان يناديني",),
    ),
    # a village found after "satul", later typed without diacritics; the city stays
    (
        "ro",
        "Sunt din satul Mârșa, lângă Sibiu. În marsa nu e nimeni tânăr; toți sunt la București.",
        ("Mârșa", "marsa"),
        ("lângă Sibiu", "toți sunt la București."),
    ),
    # an employer found after "uitzendbureau", later in capitals
    (
        "nl",
        "Ik werkte via uitzendbureau Tulpstaf. Bij TULPSTAF kreeg niemand een contract.",
        ("Tulpstaf",),
        ("kreeg niemand een contract.",),
    ),
    # an employer of two words: its distinctive part alone, in lower case
    (
        "en",
        "I was placed by the agency Brightfield Staffing. Nobody at brightfield asked about pay.",
        ("Brightfield",),
        ("Nobody at", "asked about pay."),
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "gone", "stays"), MENTIONED_AGAIN, ids=[c[1][:30] for c in MENTIONED_AGAIN]
)
def test_a_detail_found_once_is_gone_at_every_mention(scrub, lang, text, gone, stays):
    result = scrub(text, lang)
    assert _gone(result, *gone), result
    for words in stays:
        assert words in result, result


# (lang, text, what must be gone, the ordinary words that must stay)
ORDINARY_PARTS = [
    # "Wit" of "Pieter de Wit" is also a colour
    (
        "nl",
        "Mijn buurman Pieter de Wit hielp ons. De muren waren wit en de deur was open.",
        ("Pieter",),
        "De muren waren wit en de deur was open.",
    ),
    # "Roos" of "Ilse Roos" is also a flower; "ilse" comes back in lower case
    (
        "nl",
        "Mijn naam is Ilse Roos. ilse kreeg nooit loon en de roos in de tuin was het enige mooie.",
        ("Ilse",),
        "de roos in de tuin was het enige mooie.",
    ),
    # "Grace" of "Grace Mbeki" is also a word; the family name goes at each mention
    (
        "en",
        "My colleague Grace Mbeki helped us. Mbeki cared; there was no grace period for rent.",
        ("Mbeki",),
        "there was no grace period for rent.",
    ),
    # Spanish "rosa" and Romanian "Mai" ("later") stay beside the person
    (
        "es",
        "Me llamo Rosa Quintanilla. A quintanilla nunca le pagaron; la rosa del jardín se secó.",
        ("Quintanilla",),
        "la rosa del jardín se secó.",
    ),
    (
        "ro",
        "Colega mea Loredana Mai m-a ajutat. Mai târziu, loredana a plecat în Italia.",
        ("Loredana",),
        "Mai târziu,",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "gone", "stays"), ORDINARY_PARTS, ids=[c[1][:30] for c in ORDINARY_PARTS]
)
def test_an_ordinary_word_in_a_name_stays_where_it_is_a_word(scrub, lang, text, gone, stays):
    result = scrub(text, lang)
    assert _gone(result, *gone), result
    assert stays in result, result


def test_a_name_that_is_a_word_goes_only_where_it_is_written_as_a_name(scrub):
    text = "Ik werkte met mijn collega Dan. Dan gingen we naar huis, en ik zei tegen Dan: nee."
    result = scrub(text, "nl")
    assert result == (
        "Ik werkte met mijn collega [naam]. Dan gingen we naar huis, en ik zei tegen [naam]: nee."
    )


def test_each_person_keeps_one_number_at_every_mention(scrub):
    text = (
        "Mijn collega Sjoerd Hoekstra en mijn buurvrouw Fenna Dijkstra wisten ervan. "
        "Later zei hoekstra dat dijkstra gelogen had."
    )
    assert scrub(text, "nl") == (
        "Mijn collega [naam 1] en mijn buurvrouw [naam 2] wisten ervan. "
        "Later zei [naam 1] dat [naam 2] gelogen had."
    )


def test_a_village_written_with_and_without_accents_is_one_place(scrub):
    text = "Sunt din satul Bogdănești. Cei din bogdanesti pleacă toți în Spania."
    assert scrub(text, "ro") == (
        "Sunt din satul [localitate]. Cei din [localitate] pleacă toți în Spania."
    )


def test_numbers_do_not_echo(scrub):
    """An age is exact where it was found; the same number elsewhere is no age."""
    result = scrub("Ik was toen 15. We werkten 15 uur per dag.", "nl")
    assert result == "Ik was toen [leeftijd]. We werkten 15 uur per dag."


def test_a_text_with_nothing_found_is_not_touched(scrub):
    text = "de boer betaalde te laat en in rotterdam en amsterdam was het niet beter"
    assert scrub(text, "nl") == text
