"""Names however they are written: lower case, capitals, diminutives, inflected,
coordinated, after titles and kunyas, in any of our languages."""

import pytest

NAMES = [
    # the privacy review's misses
    (
        "nl",
        "roos en kim van de gemeente hebben het opgepakt",
        "[naam 1] en [naam 2] van de gemeente hebben het opgepakt",
    ),
    ("nl", "MIJN COLLEGA PIETER JANSEN BELDE ME GISTEREN", "MIJN COLLEGA [naam] BELDE ME GISTEREN"),
    ("nl", "ik en fatima el amrani van het wijkteam", "ik en [naam] van het wijkteam"),
    (
        "en",
        "I met with kwame and abena from the church.",
        "I met with [name 1] and [name 2] from the church.",
    ),
    (
        "pl",
        "dzwoniłam do pani basi i do jurka w tej sprawie",
        "dzwoniłam do pani [imię 1] i do [imię 2] w tej sprawie",
    ),
    ("hu", "beszéltem pistivel és marikával", "beszéltem [név 1] és [név 2]"),
    ("uk", "я говорила з сашком і з наталкою", "я говорила з [ім'я 1] і з [ім'я 2]"),
    ("bg", "говорих с пешо и с ани", "говорих с [име 1] и с [име 2]"),
    ("ar", "تحدثت مع ابو محمد وام علي", "تحدثت مع [الاسم 1] و[الاسم 2]"),
    (
        "bg",
        "Говорих с колегата ми Иван Петров и с Маргарита.",
        "Говорих с колегата ми [име 1] и с [име 2].",
    ),
    (
        "es",
        "Hablé con mi compañera María García y con Pepe.",
        "Hablé con mi compañera [nombre 1] y con [nombre 2].",
    ),
    ("es", "El dinero era para un tal Manolo.", "El dinero era para un tal [nombre]."),
    (
        "nl",
        "Olena uit Charkiv werd via Viber benaderd door ene Serhiy.",
        "[naam 1] uit Charkiv werd via Viber benaderd door ene [naam 2].",
    ),
    (
        "uk",
        "Я працювала в Наалдвейку на фермі пана ван дер Берга.",
        "Я працювала в [населений пункт] на фермі пана [ім'я].",
    ),
    ("ar", "اسمي مريم حداد وعمري 16 سنة", "اسمي [الاسم] وعمري [العمر] سنة"),
    # variants of our own
    (
        "nl",
        "sanne en joost van de politie kwamen langs",
        "[naam 1] en [naam 2] van de politie kwamen langs",
    ),
    ("nl", "IK HEB MARIEKE DE VRIES VAN COMENSHA GEBELD", "IK HEB [naam] VAN COMENSHA GEBELD"),
    (
        "nl",
        "gisteren sprak ik met yara en lotte van het wijkteam",
        "gisteren sprak ik met [naam 1] en [naam 2] van het wijkteam",
    ),
    (
        "en",
        "my friend grace and her sister joy from the shelter helped",
        "my friend [name 1] and her sister [name 2] from the shelter helped",
    ),
    ("pl", "Rozmawiałam z Kasią i z panią Gosią.", "Rozmawiałam z [imię 1] i z panią [imię 2]."),
    (
        "ro",
        "Am vorbit cu Ionuț și cu Gigel despre asta.",
        "Am vorbit cu [nume 1] și cu [nume 2] despre asta.",
    ),
    ("es", "Me llevó un tal Paco a la finca.", "Me llevó un tal [nombre] a la finca."),
    ("nl", "Mevrouw van der Berg van de kwekerij belde.", "Mevrouw [naam] van de kwekerij belde."),
    ("ar", "اتصلت بي أم خالد وأبو سمير.", "اتصلت بي [الاسم 1] و[الاسم 2]."),
    (
        "en",
        "We were recruited by Oksana Kovalenko and Serhii.",
        "We were recruited by [name 1] and [name 2].",
    ),
    # the second review: a name as the subject after a time phrase; a lower-case surname
    (
        "en",
        "Last week Chidi told us about the agency.",
        "Last week [name] told us about the agency.",
    ),
    ("nl", "Mijn collega jan de vries belde.", "Mijn collega [naam] belde."),
    # variants of our own: African, Asian and Latin American names, lower-case surnames
    (
        "en",
        "Yesterday Ngozi and Tesfaye came to the meeting.",
        "Yesterday [name 1] and [name 2] came to the meeting.",
    ),
    (
        "en",
        "After the raid Linh stayed with us for a month.",
        "After the raid [name] stayed with us for a month.",
    ),
    (
        "nl",
        "Gisteren kwam Thanh langs met haar dochter.",
        "Gisteren kwam [naam] langs met haar dochter.",
    ),
    (
        "pl",
        "W zeszłym tygodniu Chidi opowiedział nam o agencji.",
        "W zeszłym tygodniu [imię] opowiedział nam o agencji.",
    ),
    (
        "es",
        "La semana pasada Yesenia nos habló de la agencia.",
        "La semana pasada [nombre] nos habló de la agencia.",
    ),
    (
        "ro",
        "Săptămâna trecută Kwabena ne-a povestit despre agenție.",
        "Săptămâna trecută [nume] ne-a povestit despre agenție.",
    ),
    (
        "hu",
        "Múlt héten Priya mesélt nekünk az ügynökségről.",
        "Múlt héten [név] mesélt nekünk az ügynökségről.",
    ),
    ("nl", "Ik sprak met sanne van der berg over de zaak.", "Ik sprak met [naam] over de zaak."),
    ("nl", "Mijn collega Jan de vries belde.", "Mijn collega [naam] belde."),
    ("en", "My friend maria de la cruz helped me.", "My friend [name] helped me."),
    ("es", "Mi amiga maría de la cruz me ayudó mucho.", "Mi amiga [nombre] me ayudó mucho."),
    ("pl", "Moja koleżanka anna van der berg mi pomogła.", "Moja koleżanka [imię] mi pomogła."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), NAMES, ids=[n[1][:30] for n in NAMES])
def test_names_however_written(scrub, lang, text, expected):
    assert scrub(text, lang) == expected


EVERYDAY = [
    ("nl", "ik ging naar de markt en dan naar huis, ben moe"),
    ("nl", "de roos in de tuin en de kim van de zee"),
    ("ro", "acum lucrez de 25 de ani ca mediator"),
    ("pl", "pracowałam tam do maja i potem wróciłam"),
    ("en", "we had a joke about it and then will go home"),
    ("nl", "WIJ ZIEN STEEDS MEER UITBUITING IN DE BOUW EN DE IND WEET HET"),
    ("es", "tal vez la policía nos ayude"),
    # after a lower-case name only a known family name goes with it
    ("nl", "Ik heb het met de baas van de kwekerij besproken, niet met de eerste de beste."),
    ("nl", "Tien jaar geleden kwam ik hier; long ago, said the man."),
    # polite pronouns are capitalised in letters and quotes, and are no names
    ("es", "Mi jefe Usted no sabe nada, decía siempre."),
    ("nl", "De vrouw die U noemde heb ik niet gesproken."),
    ("en", "The client I spoke to had no passport."),
]


@pytest.mark.parametrize(("lang", "text"), EVERYDAY, ids=[e[1][:30] for e in EVERYDAY])
def test_everyday_words_in_lower_case_or_capitals_stay(scrub, lang, text):
    assert scrub(text, lang) == text


def test_dutch_names_found_when_the_interface_language_is_english(deidentifier):
    result = deidentifier.deidentify("Ik sprak Anouk Dekker en Sven Bos.", hint="en")
    assert result.lang == "nl"
    assert result.text == "Ik sprak [naam 1] en [naam 2]."


def test_an_unknown_first_name_before_a_known_family_name_goes_too(scrub):
    # even when the language is forced to English, "Sven" does not stay behind
    assert scrub("Ik sprak Anouk Dekker en Sven Bos.", "en") == "Ik sprak [name 1] en [name 2]."
    assert scrub("We met Tjitske Visser at the office.", "en") == "We met [name] at the office."


ORGANISATIONS_AFTER_AND = [
    (
        "pl",
        "Rozmawiałam z Kasią i z Policją w Lublinie.",
        "Rozmawiałam z [imię] i z Policją w Lublinie.",
    ),
    (
        "es",
        "Hablé con Pepe y con Cáritas sobre el caso.",
        "Hablé con [nombre] y con Cáritas sobre el caso.",
    ),
    (
        "ro",
        "Am vorbit cu Ion și cu Poliția de Frontieră.",
        "Am vorbit cu [nume] și cu Poliția de Frontieră.",
    ),
    (
        "nl",
        "Wij werken samen met de Stichting van de kerk in Zwolle.",
        "Wij werken samen met de Stichting van de kerk in Zwolle.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    ORGANISATIONS_AFTER_AND,
    ids=[o[1][:30] for o in ORGANISATIONS_AFTER_AND],
)
def test_a_public_body_next_to_a_name_is_no_name(scrub, lang, text, expected):
    assert scrub(text, lang) == expected


def test_a_lower_case_name_takes_only_a_known_family_name_along(scrub):
    assert (
        scrub("Ik heb het met jan de baas besproken.", "nl")
        == "Ik heb het met [naam] de baas besproken."
    )
    assert (
        scrub("Mijn collega jan van de gemeente belde.", "nl")
        == "Mijn collega [naam] van de gemeente belde."
    )
