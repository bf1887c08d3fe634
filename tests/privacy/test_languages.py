"""One realistic statement per language: direct identifiers go, the rest stays."""

import pytest

CASES = [
    (
        "en",
        "The victim, Maria Popescu, born 12 March 1994, called me on 07912 345678.",
        "The victim, [name], born [date], called me on [phone number].",
    ),
    (
        "pl",
        "Poszkodowany Tomasz Zieliński mieszkał przy ul. Lipowej 12/4 w Lublinie.",
        "Poszkodowany [imię] mieszkał przy [adres] w Lublinie.",
    ),
    (
        "ro",
        "Am vorbit cu mihai de la consulat; numărul dosarului este 4512/P/2022.",
        "Am vorbit cu [nume] de la consulat; numărul dosarului este [număr de dosar].",
    ),
    (
        "bg",
        "Шофьорът, Стоян Димитров, возеше хора от Сливен до Ротердам.",
        "Шофьорът, [име], возеше хора от Сливен до Ротердам.",
    ),
    (
        "hu",
        "Beszéltem gáborral a konzulátusról; a száma +36 30 123 4567.",
        "Beszéltem [név] a konzulátusról; a száma [telefonszám].",
    ),
    (
        "uk",
        "Я говорила з оксаною з консульства, її пошта i.bondarenko@dopomoga.org.ua.",
        "Я говорила з [ім'я] з консульства, її пошта [електронна адреса].",
    ),
    (
        "ar",
        "تحدثت مع أحمد من البلدية، ورقم هاتفه +212 6 12 34 56 78.",
        "تحدثت مع [الاسم] من البلدية، ورقم هاتفه [رقم الهاتف].",
    ),
    (
        "es",
        "La señora Morales del ayuntamiento de Málaga vive en la calle Mayor 15.",
        "La señora [nombre] del ayuntamiento de Málaga vive en la [dirección].",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_statement_in_each_language(deidentifier, lang, text, expected):
    result = deidentifier.deidentify(text)
    assert result.lang == lang
    assert result.text == expected


def test_language_detection_is_deterministic():
    from privacy.language import detect_language

    text = "Wij zien steeds vaker jongeren die via sociale media worden geronseld."
    assert {detect_language(text) for _ in range(5)} == {"nl"}


def test_arabic_text_with_a_latin_email_is_still_arabic():
    from privacy.language import detect_language

    assert (
        detect_language("يمكنكم التواصل معي عبر البريد youssef.haddad@steunpunt-nieuwkomers.nl")
        == "ar"
    )


def test_detection_says_how_sure_it_is():
    from privacy.language import language_scores

    short = language_scores("Dank je")
    sentence = language_scores("Wij zien steeds vaker jongeren die via sociale media ronselen.")
    assert sentence[0] == ("nl", pytest.approx(1.0))
    assert short[0][1] < 0.9
    assert sum(p for _, p in short) == pytest.approx(1.0)


def test_text_in_capitals_is_recognised():
    from privacy.language import detect_language

    assert detect_language("MIJN COLLEGA PIETER JANSEN BELDE ME GISTEREN") == "nl"


@pytest.mark.parametrize(
    ("text", "hint"),
    [("Dank je", "nl"), ("Ja", "nl"), ("No idea", "en"), ("Tak", "pl"), ("Da, sigur", "ro")],
)
def test_the_interface_language_decides_when_detection_is_unsure(deidentifier, text, hint):
    assert deidentifier.deidentify(text, hint=hint).lang == hint


def test_a_confident_detection_beats_the_interface_language(deidentifier):
    assert deidentifier.deidentify("Ik sprak Anouk Dekker en Sven Bos.", hint="en").lang == "nl"
    assert deidentifier.deidentify("Hablé con mi compañera ayer.", hint="pl").lang == "es"
