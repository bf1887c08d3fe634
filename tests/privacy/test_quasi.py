"""Experience experts: neighbourhoods, villages and named small employers go; regions,
cities and countries stay."""

import pytest

CASES = [
    # the privacy review's misses
    ("nl", "Ik woonde in de Schilderswijk, achter de markt.",
     "Ik woonde in de [plaats], achter de markt."),
    ("pl", "Przez agencję Euro-Job Partner z Opola trafiłam do Holandii.",
     "Przez agencję [organizacja] z Opola trafiłam do Holandii."),
    ("ro", "Am lucrat la Car Wash Speedy din Tiel.",
     "Am lucrat la [organizație] din [localitate]."),
    ("uk", "Я працювала у фірми ЛогістікПро у Венлo.",
     "Я працювала у фірми [організація] у Венлo."),
    ("en", "I worked at Golden Palace Massage in Arnhem.", "I worked at [organisation] in Arnhem."),
    ("es", "Vine desde un pueblo de Extremadura, Zahínos, y trabajé en el bar La Cabaña.",
     "Vine desde un pueblo de Extremadura, [localidad], y trabajé en el bar [organización]."),
    # variants of our own
    ("nl", "We sliepen met zes in een huis in de Transvaalbuurt.",
     "We sliepen met zes in een huis in de [plaats]."),
    ("pl", "Pracowałam w firmie Agro-Fruit Service pod Venlo.",
     "Pracowałam w firmie [organizacja] pod Venlo."),
    ("en", "They took us to Happy Hands Car Wash near Breda.",
     "They took us to [organisation] near Breda."),
    ("es", "Soy de un pueblo de Galicia, Ribadavia, y acabé en el club Lolita.",
     "Soy de un pueblo de Galicia, [localidad], y acabé en el club [organización]."),
    ("bg", "Работих в агенцията Бест Джоб в Гронинген.",
     "Работих в агенцията [организация] в Гронинген."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:30] for c in CASES])
def test_small_places_and_employers_go_for_experts(scrub, lang, text, expected):
    assert scrub(text, lang, "expert") == expected
