"""Round 8 of issue 8: recruiters' profile and group names on social media.

Sentences written for these tests (none copied from any test set).
"""

import pytest

GOES = [
    (
        "pl",
        "Napisał do mnie profil „Marek Praca Holandia” i obiecał 15 euro.",
        "Marek Praca Holandia",
    ),
    (
        "ro",
        "Anunțul era pe grupul Munca in Olanda cu Sorin, plin de oferte.",
        "Munca in Olanda cu Sorin",
    ),
    (
        "bg",
        "Във фейсбук го намерих като Гошо Работа Холандия, после изчезна.",
        "Гошо Работа Холандия",
    ),
    ("ro", "mi-a scris pe fb Dana Rusu Olanda si mi-a dat un numar", "Dana Rusu Olanda"),
    ("hu", "A fb-n Lali Holland Munka néven hirdetett a toborzó.", "Lali Holland Munka"),
]


@pytest.mark.parametrize(("lang", "text", "part"), GOES)
def test_a_recruiters_profile_name_goes(scrub, lang, text, part):
    out = scrub(text, lang, "expert")
    assert not [word for word in part.split() if len(word) > 2 and word in out]


STAYS = [
    ("pl", "Praca w Holandii jest ciężka, ale dobrze płatna."),
    ("pl", 'Ogłoszenie na Facebooku: "praca przy sprzątaniu, mieszkanie gratis".'),
    ("en", "I saw the advert on Facebook Marketplace and called the number."),
    ("en", "We need more decent work in the Netherlands for EU citizens."),
    ("pl", "Klientka od 6 tyg. w NL. Praca: myjnia samochodowa."),
]


@pytest.mark.parametrize(("lang", "text"), STAYS)
def test_sentences_about_work_and_networks_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text
