"""Experience experts: neighbourhoods, villages and named small employers go; regions,
cities and countries stay."""

import pytest

CASES = [
    # the privacy review's misses
    (
        "nl",
        "Ik woonde in de Schilderswijk, achter de markt.",
        "Ik woonde in de [plaats], achter de markt.",
    ),
    (
        "pl",
        "Przez agencję Euro-Job Partner z Opola trafiłam do Holandii.",
        "Przez agencję [pracodawca] z Opola trafiłam do Holandii.",
    ),
    (
        "ro",
        "Am lucrat la Car Wash Speedy din Tiel.",
        "Am lucrat la [angajator] din [localitate].",
    ),
    (
        "uk",
        "Я працювала у фірми ЛогістікПро у Венлo.",
        "Я працювала у фірми [роботодавець] у Венлo.",
    ),
    ("en", "I worked at Golden Palace Massage in Arnhem.", "I worked at [employer] in Arnhem."),
    (
        "es",
        "Vine desde un pueblo de Extremadura, Zahínos, y trabajé en el bar La Cabaña.",
        "Vine desde un pueblo de Extremadura, [localidad], y trabajé en el bar [empleador].",
    ),
    # variants of our own
    (
        "nl",
        "We sliepen met zes in een huis in de Transvaalbuurt.",
        "We sliepen met zes in een huis in de [plaats].",
    ),
    (
        "pl",
        "Pracowałam w firmie Agro-Fruit Service pod Venlo.",
        "Pracowałam w firmie [pracodawca] pod Venlo.",
    ),
    (
        "en",
        "They took us to Happy Hands Car Wash near Breda.",
        "They took us to [employer] near Breda.",
    ),
    (
        "es",
        "Soy de un pueblo de Galicia, Ribadavia, y acabé en el club Lolita.",
        "Soy de un pueblo de Galicia, [localidad], y acabé en el club [empleador].",
    ),
    (
        "bg",
        "Работих в агенцията Бест Джоб в Гронинген.",
        "Работих в агенцията [работодател] в Гронинген.",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:30] for c in CASES])
def test_small_places_and_employers_go_for_experts(scrub, lang, text, expected):
    assert scrub(text, lang, "expert") == expected


# the second review: the employer step took the pronoun "I" for (part of) a name
NOT_NAMES = [
    ("en", "In the shelter I could sleep for the first time."),
    ("en", "At the hotel I had to work every night."),
    # variants of our own: contractions, polite pronouns, days, holidays, Arabic words
    ("en", "In the shelter I felt safe, but at the farm I'd been afraid."),
    ("en", "The agency I worked for took my passport."),
    ("en", "I worked at the hotel Monday to Friday, at the farm on Sunday."),
    ("en", "They met at Easter at the restaurant and I never saw her again."),
    ("nl", "In de kas U mag niet praten, zei de baas."),
    ("pl", "W hotelu Ty nic nie znaczysz, mówił szef."),
    ("es", "En el club Usted no tiene derechos, me decían."),
    ("uk", "У ресторані Ви нічого не вирішуєте, казав власник."),
    ("bg", "В хотела Вие нищо не решавате, казваше шефът."),
    ("ro", "La fermă Dumneavoastră nu aveți drepturi, ne spunea patronul."),
    ("hu", "A szállodában Ön semmit sem dönt el, mondta a főnök."),
    ("ar", "عملت في مزرعة لمدة سنة كاملة."),
    ("ar", "كنت أعمل في مطعم صغير في المدينة."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_NAMES, ids=[c[1][:30] for c in NOT_NAMES])
def test_pronouns_days_and_plain_words_after_an_employer_word_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


def test_a_named_employer_goes_and_the_pronoun_after_it_stays(scrub):
    assert (
        scrub("At Hotel Sunrise I was forced to clean rooms.", "en", "expert")
        == "At [employer] I was forced to clean rooms."
    )
    assert (
        scrub("Bij Hotel Zonneveld moest ik elke nacht werken.", "nl", "expert")
        == "Bij [werkgever] moest ik elke nacht werken."
    )
