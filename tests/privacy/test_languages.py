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
