"""What a reader needs stays: platforms, public bodies and figures, project titles,
public lines, countries in any grammatical case, general ages."""

import pytest

KEEP = [
    ("nl", "stakeholder", "Ze ronselen via Instagram en in Telegram-groepen."),
    ("nl", "stakeholder", "Ik vind dat het Rijk moet meer doen aan preventie."),
    ("nl", "stakeholder", "Het project Koers en Kansen van de gemeente Eindhoven helpt jongeren."),
    ("nl", "stakeholder", "Bel Fier via 088-2080000 als je twijfelt."),
    ("pl", "expert", "Pracowałam w Niemczech i w Polsce, zawsze w hostelach."),
    ("en", "expert", "Most victims are 18-25 years old"),
    ("nl", "stakeholder", "Mark Rutte zei het al"),
    # variants of our own
    ("en", "stakeholder", "The programme Safe Futures of the council works well."),
    ("nl", "stakeholder", "Premier Rutte en minister Van Weel spraken erover; David van Weel ook."),
    ("ro", "expert", "Am lucrat în Germania și în Spania, apoi în Olanda."),
    ("uk", "expert", "Я працювала в Польщі, потім у Нідерландах."),
    ("es", "expert", "Vine de Andalucía y trabajé en Cataluña."),
    ("en", "expert", "Victims aged 16 to 18 are the most at risk."),
    ("nl", "stakeholder", "Een meisje uit het Westland kwam bij het Leger des Heils."),
]


@pytest.mark.parametrize(("lang", "profile", "text"), KEEP, ids=[k[2][:30] for k in KEEP])
def test_public_and_general_details_stay(scrub, lang, profile, text):
    assert scrub(text, lang, profile) == text


def test_a_name_shared_with_a_public_figure_still_goes(scrub):
    assert scrub("Mijn collega Mark de Vries belde.", "nl") == "Mijn collega [naam] belde."
    assert scrub("Onze cliënt Rutte durft niet.", "nl") == "Onze cliënt [naam] durft niet."
