"""Handles, e-mail addresses and numbers written the way people write them: without an
@, spelled out, with odd spaces or characters, in local formats."""

import pytest

CASES = [
    # the privacy review's misses
    ("nl", "Mijn snapchat was lisa2001x, daar stuurde hij berichten.",
     "Mijn snapchat was [account], daar stuurde hij berichten."),
    ("nl", "Zijn TikTok heet lisa_official_nl en zijn Insta ook.",
     "Zijn TikTok heet [account] en zijn Insta ook."),
    ("nl", "Stuur een mail naar jan @ gmail.com", "Stuur een mail naar [e-mailadres]"),
    ("nl", "mail jan punt devries apenstaartje gmail punt com", "mail [e-mailadres]"),
    ("nl", "mail j.devries＠gmail.com", "mail [e-mailadres]"),
    ("nl", "Het ging naar mij en naar NL91 ABNA 0417 1643 00.",
     "Het ging naar mij en naar [rekeningnummer]."),
    ("nl", "Naar NL91\u00a0ABNA\u00a00417\u00a01643\u00a000, BSN\u00a0234\u00a0567\u00a0892.",
     "Naar [rekeningnummer], BSN\u00a0[identiteitsnummer]."),  # the rest stays as written
    ("hu", "Vezetékes: (1) 234-5678, mobil: +36-70-123-4567.",
     "Vezetékes: [telefonszám], mobil: [telefonszám]."),
    ("pl", "Rejestracja auta: WA 12345.", "Rejestracja auta: [numer rejestracyjny]."),
    ("nl", "Postcode 1012AB en 3011 ab zijn hotspots.",
     "Postcode [postcode] en [postcode] zijn hotspots."),
    ("es", "Vivía en la calle Mayor 5, 3º izquierda, 28013 Madrid.",
     "Vivía en la [dirección], [código postal] Madrid."),
    # variants of our own
    ("en", "Her insta is sweet.lena_99 and she posts daily.",
     "Her insta is [account] and she posts daily."),
    ("pl", "Jego telegram to marek_pl88, pisał codziennie.",
     "Jego telegram to [konto], pisał codziennie."),
    ("en", "Write to anna dot kowalska at outlook dot com please.",
     "Write to [email address] please."),
    ("nl", "Mail naar j.devries(at)gmail(dot)com of bel.", "Mail naar [e-mailadres] of bel."),
    ("pl", "Pisz na ola.nowak małpa wp kropka pl", "Pisz na [adres e-mail]"),
    ("nl", "Bel 06\u00a012\u00a034\u00a056\u00a078 na zes uur.",
     "Bel [telefoonnummer] na zes uur."),
    ("nl", "Bel ０６－４１２３４５６７ als het kan.", "Bel [telefoonnummer] als het kan."),
    ("nl", "Haar postcode is 3011 ab, vlak bij de haven.",
     "Haar postcode is [postcode], vlak bij de haven."),
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
