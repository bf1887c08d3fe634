"""Exact ages of a person go for experience experts, in digits, words and ordinals;
general ages (ranges, "onder de 12") stay."""

import pytest

AGES = [
    # the privacy review's misses
    (
        "nl",
        "Toen ik zeventien was moest ik in de nagelstudio werken.",
        "Toen ik [leeftijd] was moest ik in de nagelstudio werken.",
    ),
    ("nl", "Ik was pas veertien jaar oud.", "Ik was pas [leeftijd] jaar oud."),
    ("nl", "Op mijn 15e moest ik al werken.", "Op mijn [leeftijd] moest ik al werken."),
    (
        "nl",
        "Mijn dochter is 4 jaar en woont bij mijn moeder.",
        "Mijn dochter is [leeftijd] jaar en woont bij mijn moeder.",
    ),
    ("nl", "Ik heb een zoontje van drie.", "Ik heb een zoontje van [leeftijd]."),
    ("en", "I was just fourteen when I arrived.", "I was just [age] when I arrived."),
    ("pl", "Miałam wtedy piętnaście lat.", "Miałam wtedy [wiek] lat."),
    ("ro", "Aveam cincisprezece ani când am plecat.", "Aveam [vârstă] ani când am plecat."),
    ("bg", "Бях на петнадесет години.", "Бях на [възраст] години."),
    ("uk", "Мені було п'ятнадцять років.", "Мені було [вік] років."),
    ("ar", "كان عمري خمسة عشر عاماً.", "كان عمري [العمر] عاماً."),
    ("es", "Tenía quince años cuando llegué.", "Tenía [edad] años cuando llegué."),
    (
        "es",
        "Trabajaba en el club Venus en La Jonquera con 17 años.",
        "Trabajaba en el club [empleador] en [localidad] con [edad] años.",
    ),
    # variants of our own
    ("nl", "Op mijn zeventiende ging ik met hem mee.", "Op mijn [leeftijd] ging ik met hem mee."),
    ("nl", "Mijn zusje was toen pas twaalf.", "Mijn zusje was toen pas [leeftijd]."),
    ("nl", "Ik was tweeëntwintig toen ik vrijkwam.", "Ik was [leeftijd] toen ik vrijkwam."),
    ("en", "She was only sixteen and alone.", "She was only [age] and alone."),
    ("en", "I was twenty-one when I got out.", "I was [age] when I got out."),
    ("pl", "Córka ma dopiero siedem lat.", "Córka ma dopiero [wiek] lat."),
    ("ro", "Aveam doar șaișpe ani.", "Aveam doar [vârstă] ani."),
    ("hu", "Tizenhat éves voltam, amikor elvittek.", "[életkor] éves voltam, amikor elvittek."),
    ("uk", "Мені було лише сімнадцять.", "Мені було лише [вік]."),
    ("bg", "Бях едва на шестнайсет години.", "Бях едва на [възраст] години."),
    ("es", "Llegué a España a los dieciséis años.", "Llegué a España a los [edad] años."),
    ("ar", "كان عمرها ستة عشر عاما فقط.", "كان عمرها [العمر] عاما فقط."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), AGES, ids=[a[1][:30] for a in AGES])
def test_exact_age_in_words_digits_and_ordinals_goes_for_experts(scrub, lang, text, expected):
    assert scrub(text, lang, "expert") == expected


def test_a_stakeholder_quote_loses_an_exact_age_too(scrub):
    # issue 8: stakeholders' quotes are not finger-pointing either
    assert scrub("Toen ik zeventien was moest ik werken.", "nl") == (
        "Toen ik [leeftijd] was moest ik werken."
    )
    assert (
        scrub("Het meisje was pas 15 jaar oud.", "nl") == "Het meisje was pas [leeftijd] jaar oud."
    )


GENERAL = [
    ("en", "Most victims are 18-25 years old"),
    ("en", "Most victims are between eighteen and twenty-five years old."),
    ("nl", "De meisjes waren tussen de 16 en 18 jaar oud."),
    ("nl", "Kinderen onder de 12 jaar en 18-min zijn kwetsbaar."),
    ("nl", "Ik was twee keer in Amsterdam en drie maanden in de opvang."),
    ("nl", "Ik ben 5 jaar in Nederland."),
    ("nl", "Ik was een van de meisjes die daar werkten."),
    ("es", "Las víctimas tienen de 16 a 19 años."),
]


@pytest.mark.parametrize(("lang", "text"), GENERAL, ids=[g[1][:30] for g in GENERAL])
def test_ranges_durations_and_general_ages_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text
