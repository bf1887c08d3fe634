"""Handles, e-mail addresses and numbers written the way people write them: without an
@, spelled out, with odd spaces or characters, in local formats."""

import pytest

CASES = [
    # the privacy review's misses
    (
        "nl",
        "Mijn snapchat was lisa2001x, daar stuurde hij berichten.",
        "Mijn snapchat was [account], daar stuurde hij berichten.",
    ),
    (
        "nl",
        "Zijn TikTok heet lisa_official_nl en zijn Insta ook.",
        "Zijn TikTok heet [account] en zijn Insta ook.",
    ),
    ("nl", "Stuur een mail naar jan @ gmail.com", "Stuur een mail naar [e-mailadres]"),
    ("nl", "mail jan punt devries apenstaartje gmail punt com", "mail [e-mailadres]"),
    ("nl", "mail j.devries＠gmail.com", "mail [e-mailadres]"),
    (
        "nl",
        "Het ging naar mij en naar NL91 ABNA 0417 1643 00.",
        "Het ging naar mij en naar [rekeningnummer].",
    ),
    (
        "nl",
        "Naar NL91\u00a0ABNA\u00a00417\u00a01643\u00a000, BSN\u00a0234\u00a0567\u00a0892.",
        "Naar [rekeningnummer], BSN\u00a0[identiteitsnummer].",
    ),  # the rest stays as written
    (
        "hu",
        "Vezetékes: (1) 234-5678, mobil: +36-70-123-4567.",
        "Vezetékes: [telefonszám], mobil: [telefonszám].",
    ),
    ("pl", "Rejestracja auta: WA 12345.", "Rejestracja auta: [numer rejestracyjny]."),
    (
        "nl",
        "Postcode 1012AB en 3011 ab zijn hotspots.",
        "Postcode [postcode] en [postcode] zijn hotspots.",
    ),
    (
        "es",
        "Vivía en la calle Mayor 5, 3º izquierda, 28013 Madrid.",
        "Vivía en la [dirección], [código postal] Madrid.",
    ),
    # variants of our own
    (
        "en",
        "Her insta is sweet.lena_99 and she posts daily.",
        "Her insta is [account] and she posts daily.",
    ),
    (
        "pl",
        "Jego telegram to marek_pl88, pisał codziennie.",
        "Jego telegram to [konto], pisał codziennie.",
    ),
    (
        "en",
        "Write to anna dot kowalska at outlook dot com please.",
        "Write to [email address] please.",
    ),
    ("nl", "Mail naar j.devries(at)gmail(dot)com of bel.", "Mail naar [e-mailadres] of bel."),
    ("pl", "Pisz na ola.nowak małpa wp kropka pl", "Pisz na [adres e-mail]"),
    (
        "nl",
        "Bel 06\u00a012\u00a034\u00a056\u00a078 na zes uur.",
        "Bel [telefoonnummer] na zes uur.",
    ),
    ("nl", "Bel ０６－４１２３４５６７ als het kan.", "Bel [telefoonnummer] als het kan."),
    (
        "nl",
        "Haar postcode is 3011 ab, vlak bij de haven.",
        "Haar postcode is [postcode], vlak bij de haven.",
    ),
    ("es", "Mi código postal es 28013.", "Mi código postal es [código postal]."),
    ("es", "Calle Alcalá 12, 2º B, 28014 Madrid.", "[dirección], [código postal] Madrid."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:30] for c in CASES])
def test_contact_details_and_numbers_however_written(scrub, lang, text, expected):
    assert scrub(text, lang) == expected


STAYS = [
    ("nl", "Ze ronselen via Instagram en in Telegram-groepen."),
    ("nl", "Op TikTok staat 2000 keer die video."),
    ("nl", "We reden 1200 km en in 2000 en 2001 was het rustig."),
    ("en", "I was at home. Then I went to the office."),
    ("nl", "Bel Fier via 088-2080000 als je twijfelt."),
    ("nl", "Dat is een belangrijk punt. Com je mee?"),
]


@pytest.mark.parametrize(("lang", "text"), STAYS, ids=[s[1][:30] for s in STAYS])
def test_platform_words_distances_and_public_lines_stay(scrub, lang, text):
    assert scrub(text, lang) == text


CASE_NUMBERS = [
    # the second review: case and file numbers are direct identifiers
    (
        "nl",
        "De politie registreerde het onder nummer PL0900-2023123456.",
        "De politie registreerde het onder nummer [dossiernummer].",
    ),
    ("nl", "In zaak 2023-ZED-0412 zagen we dat.", "In zaak [dossiernummer] zagen we dat."),
    ("nl", "In dossier NLA-2024-08813 staat het.", "In dossier [dossiernummer] staat het."),
    ("nl", "In casus RTM-2023-0456 ging het mis.", "In casus [dossiernummer] ging het mis."),
    # variants of our own, in every language
    (
        "nl",
        "Het dossier met nummer AB-20231234 is overgedragen aan het OM.",
        "Het dossier met nummer [dossiernummer] is overgedragen aan het OM.",
    ),
    (
        "nl",
        "De BVH-registratie BVH-2023-114455 is nog niet afgesloten.",
        "De BVH-registratie [dossiernummer] is nog niet afgesloten.",
    ),
    (
        "en",
        "In case 2022-MS-0981 the victim was fourteen.",
        "In case [reference number] the victim was [age].",  # issue 8: a victim's age goes
    ),
    (
        "en",
        "We opened file ref HO/2023/123456 for her in March.",
        "We opened file ref [reference number] for her in March.",
    ),
    (
        "pl",
        "W sprawie PR-2023-11234 prokuratura umorzyła postępowanie.",
        "W sprawie [numer sprawy] prokuratura umorzyła postępowanie.",
    ),
    (
        "ro",
        "În dosarul nr. 4567/2/2023 procurorii DIICOT au trimis rechizitoriu.",
        "În dosarul nr. [număr de dosar] procurorii DIICOT au trimis rechizitoriu.",
    ),
    (
        "bg",
        "По дело № 1234/2023 прокуратурата повдигна обвинение.",
        "По дело № [номер на преписка] прокуратурата повдигна обвинение.",
    ),
    (
        "hu",
        "Az ügy száma 2023-BF-1187, a rendőrség nyomoz.",
        "Az ügy száma [ügyszám], a rendőrség nyomoz.",
    ),
    ("uk", "Справа ДБР-2023-0456 досі відкрита.", "Справа [номер справи] досі відкрита."),
    (
        "es",
        "La causa 2023-DLG-0345 sigue abierta en el juzgado.",
        "La causa [número de expediente] sigue abierta en el juzgado.",
    ),
    ("ar", "رقم الملف 2023-4587-11 لدى الشرطة.", "رقم الملف [رقم الملف] لدى الشرطة."),
]


@pytest.mark.parametrize(
    ("lang", "text", "expected"), CASE_NUMBERS, ids=[c[1][:30] for c in CASE_NUMBERS]
)
def test_case_and_file_numbers_go(scrub, lang, text, expected):
    assert scrub(text, lang) == expected


NOT_CASE_NUMBERS = [
    ("nl", "In de zaak van 2019-2023 ging het om 1.250.000 euro."),
    ("nl", "De zaak over art. 273f Sr (ECLI:NL:RBAMS:2023:1234) liep tot 2024."),
    ("nl", "In 2023 hadden we 45 zaken en 12 dossiers met B8/3."),
    ("nl", "De zaak volgens Richtlijn 2011/36/EU en het Wetboek van Strafrecht."),
    ("en", "Between 2019-2023 the number of cases rose by 35%."),
    ("en", "In that case 2,500 euros were paid for the file."),
    ("es", "En el expediente de 2022/2023 hubo 1.500 casos."),
    ("nl", "De zaak ging over 1000-2000 euro per maand."),
    ("nl", "De melding kwam binnen tussen 09:00-17:00 uur."),
    ("en", "The case involved 250-300 workers on the farm."),
    ("pl", "W tej sprawie chodziło o 5000-6000 zł miesięcznie."),
]


@pytest.mark.parametrize(
    ("lang", "text"), NOT_CASE_NUMBERS, ids=[c[1][:30] for c in NOT_CASE_NUMBERS]
)
def test_years_amounts_and_legal_references_near_case_words_stay(scrub, lang, text):
    assert scrub(text, lang) == text


FULL_STOPS = [
    # the second review: the full stop after a number went with it, merging sentences
    (
        "pl",
        "expert",
        "mój PESEL to 44051401458. Pracowałam w magazynie.",
        "mój PESEL to [numer identyfikacyjny]. Pracowałam w magazynie.",
    ),
    (
        "es",
        "expert",
        "mi NIE es X1234567L. Trabajé en un bar.",
        "mi NIE es [número de identidad]. Trabajé en un bar.",
    ),
    # variants of our own: every kind of number, e-mail, link, date, plate, address
    (
        "nl",
        "stakeholder",
        "Mijn BSN is 111222333. Dat staat ook op mijn pas.",
        "Mijn BSN is [identiteitsnummer]. Dat staat ook op mijn pas.",
    ),
    (
        "nl",
        "stakeholder",
        "Mail me op jan@x.nl. Dan bel ik terug.",
        "Mail me op [e-mailadres]. Dan bel ik terug.",
    ),
    (
        "en",
        "stakeholder",
        "Her profile was facebook.com/anna.kowalska.99. We reported it.",
        "Her profile was [account]. We reported it.",
    ),
    (
        "en",
        "expert",
        "It happened on 12.03.2023. After that I left.",
        "It happened on [date]. After that I left.",
    ),
    (
        "nl",
        "stakeholder",
        "Het kenteken was 12-ABC-3. De auto was grijs.",
        "Het kenteken was [kenteken]. De auto was grijs.",
    ),
    (
        "nl",
        "stakeholder",
        "Bel me op 06-12345678. Of stuur een app.",
        "Bel me op [telefoonnummer]. Of stuur een app.",
    ),
    (
        "ro",
        "stakeholder",
        "CNP-ul meu este 1800101221144. Am lucrat la o fermă.",
        "CNP-ul meu este [cod numeric personal]. Am lucrat la o fermă.",
    ),
    (
        "uk",
        "stakeholder",
        "Мій РНОКПП 3012345678. Я працювала на фермі.",
        "Мій РНОКПП [ідентифікаційний номер]. Я працювала на фермі.",
    ),
    (
        "nl",
        "stakeholder",
        "Ze woonde op Kerkstraat 12. Daar was het vies.",
        "Ze woonde op [adres]. Daar was het vies.",
    ),
    (
        "ar",
        "stakeholder",
        "رقم الهوية 1234567890. عملت في مزرعة.",
        "رقم الهوية [رقم الهوية]. عملت في مزرعة.",
    ),
    (
        "nl",
        "stakeholder",
        "Het dossier NLA-2024-08813. Daar staat alles in.",
        "Het dossier [dossiernummer]. Daar staat alles in.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "profile", "text", "expected"), FULL_STOPS, ids=[c[2][:30] for c in FULL_STOPS]
)
def test_the_full_stop_after_an_identifier_stays(scrub, lang, profile, text, expected):
    assert scrub(text, lang, profile) == expected


def test_a_hungarian_ordinal_dot_belongs_to_the_house_number(scrub):
    text = "A Petőfi Sándor utca 12. alatt lakott Debrecenben."
    assert scrub(text, "hu") == "A [cím] alatt lakott Debrecenben."


def test_the_word_that_opens_the_sentence_is_no_part_of_the_address(scrub):
    assert scrub("In Kerkstraat 12 woonden tien mensen.", "nl") == "In [adres] woonden tien mensen."
    assert (
        scrub("At 14 Station Road they kept six women.", "en")
        == "At [address] they kept six women."
    )
