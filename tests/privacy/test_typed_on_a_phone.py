"""Answers typed on a phone: no capitals, no diacritics. Villages after a place word and
exact ages are still found; cities, counties and provinces stay. Sentences written for
these tests, none copied from any test set.
"""

import pytest

from privacy.folding import fold, fold_lower

# (lang, text, result)
VILLAGES = [
    (
        "ro",
        "am crescut in satul botiza, judetul maramures, apoi am lucrat in bucuresti",
        "am crescut in satul [localitate], judetul maramures, apoi am lucrat in bucuresti",
    ),
    (
        "nl",
        "wij kwamen uit een buurtschap bij oisterwijk, niet ver van tilburg",
        "wij kwamen uit een buurtschap bij [plaats], niet ver van tilburg",
    ),
    (
        "pl",
        "mieszkalam we wsi zarnow, a pracowalam w warszawie",
        "mieszkalam we wsi [miejscowość], a pracowalam w warszawie",
    ),
    (
        "bg",
        "аз съм от село якимово, област монтана",
        "аз съм от село [населено място], област монтана",
    ),
    (
        "uk",
        "я з села ворохта, але працювала у львові",
        "я з села [населений пункт], але працювала у львові",
    ),
    (
        "es",
        "soy de un pueblo llamado alcaracejos, cerca de cordoba",
        "soy de un pueblo llamado [localidad], cerca de cordoba",
    ),
    (
        "en",
        "i grew up in a village called botiza in romania",
        "i grew up in a village called [place] in romania",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), VILLAGES, ids=[v[1][:30] for v in VILLAGES])
def test_a_village_typed_in_lower_case_without_accents_goes(scrub, lang, text, expected):
    assert scrub(text, lang) == expected


STAYS = [
    # a place word followed by an everyday word, a city, a county
    ("ro", "in satul meu nu e de lucru, toti pleaca la cluj sau in judetul neamt"),
    ("nl", "in ons dorp waren wij de enigen, de wijk waar ik nu woon is rustiger"),
    ("pl", "we wsi nie ma pracy, wszyscy jada do krakowa albo do wroclawia"),
    ("es", "en mi pueblo no hay trabajo, todos se van a madrid o a barcelona"),
]


@pytest.mark.parametrize(("lang", "text"), STAYS, ids=[s[1][:30] for s in STAYS])
def test_everyday_words_cities_and_counties_in_lower_case_stay(scrub, lang, text):
    assert scrub(text, lang) == text


AGES = [
    ("ro", "aveam 14 ani cand am ajuns in italia", "aveam [vârstă] ani"),
    ("es", "tenia catorce anos cuando sali de mi casa", "tenia [edad] anos"),
    ("pl", "mialam 16 lat gdy wyjechalam z domu", "mialam [wiek] lat"),
    ("hu", "tizenot eves voltam amikor elkezdtem dolgozni", "[életkor] eves voltam"),
    ("nl", "ik was pas vijftien toen ik begon", "ik was pas [leeftijd] toen"),
]


@pytest.mark.parametrize(("lang", "text", "part"), AGES, ids=[a[1][:30] for a in AGES])
def test_an_exact_age_typed_without_accents_goes(scrub, lang, text, part):
    assert part in scrub(text, lang)


def test_an_age_is_found_when_the_language_is_only_plausible(deidentifier):
    """Romanian without diacritics reads as English to the detector; the Romanian age
    patterns run as well because Romanian is plausible."""
    result = deidentifier.deidentify("aveam 16 ani cand am plecat in spania")
    assert "16" not in result.text


def test_folding_keeps_length_and_takes_accents_off():
    for word, plain in [("Bogdănești", "bogdanesti"), ("Bogdăneşti", "bogdanesti"),
                        ("miałem", "mialem"), ("Țară", "tara"), ("أحمد", "احمد")]:  # fmt: skip
        assert fold_lower(word) == plain
        assert len(fold(word)) == len(word)
    assert fold("ﬁ") == "ﬁ"  # what would become two characters stays as it is
