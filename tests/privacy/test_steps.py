"""Each recogniser on its own: what it finds and what it leaves alone."""

import pytest

from privacy.lexicon import load_lexicon
from privacy.statement import Statement
from privacy.steps import registry


@pytest.fixture(scope="module")
def step():
    lexicon = load_lexicon()
    built = {}

    def run(name: str, text: str, lang: str = "nl", profile: str = "stakeholder"):
        if name not in built:
            built[name] = registry()[name](lexicon)
        st = Statement(text, lang, profile)
        return [(text[f.start : f.end], f.label) for f in built[name](st)]

    return run


def test_contact_finds_emails_handles_and_profile_links(step):
    found = step("contact", "Mail a.b@x.nl, volg @lovelyboy_020 of instagram.com/mooie_meiden.")
    assert found == [
        ("a.b@x.nl", "email"),
        ("instagram.com/mooie_meiden", "handle"),
        ("@lovelyboy_020", "handle"),
    ]


def test_phone_removes_personal_numbers_and_keeps_helplines(step):
    assert step("phone", "Bel 06-41234567 of Veilig Thuis op 0800-2000.") == [
        ("06-41234567", "phone")
    ]
    assert step("phone", "Modern Slavery Helpline: 08000 121 700", "en") == []


def test_phone_takes_dutch_numbers_in_other_languages(step):
    assert step("phone", "Mój numer w Holandii to 06 12345678.", "pl") == [("06 12345678", "phone")]


def test_phone_with_country_code_goes_even_in_an_unused_range(step):
    # +44 7700 900xxx is reserved for fiction: no real line, but written by a participant it
    # may still be a real (mistyped) number; recall comes first
    assert step("phone", "An agent texts her from +44 7700 900123 every week.", "en") == [
        ("+44 7700 900123", "phone")
    ]
    assert step("phone", "Bel 0031 6 4123 4567.") == [("0031 6 4123 4567", "phone")]


def test_phone_does_not_take_a_date_for_a_number(step):
    assert step("phone", "Жертвата е родена на 05.11.2000 г.", "bg") == []


def test_bank_needs_a_valid_checksum_an_iban_shape_or_a_keyword(step):
    assert step("bank", "Betaald via NL91 ABNA 0417 1643 00.") == [
        ("NL91 ABNA 0417 1643 00", "bank")
    ]
    # a mistyped check digit still points at the account: the country's length and shape
    assert step("bank", "Via NL91 ABNA 0417 1643 01 dus.") == [("NL91 ABNA 0417 1643 01", "bank")]
    assert step("bank", "Code NL91 1234 ABNA 0417 01 klopt niet.") == []
    assert step("bank", "Mijn rekening is 123456789012.") == [("123456789012", "bank")]


def test_two_ibans_in_one_sentence_both_go(step):
    found = step("bank", "Eerst NL20 INGB 0007 3391 44 en daarna NL44 RABO 0318 2290 57.")
    assert [value for value, _ in found] == ["NL20 INGB 0007 3391 44", "NL44 RABO 0318 2290 57"]


def test_national_id_by_check_digit_or_keyword(step):
    assert step("national_id", "Nummer 111222333 staat erop.") == [("111222333", "national_id")]
    assert step("national_id", "Nummer 111222334 staat erop.") == []
    assert step("national_id", "Haar BSN is 123456780, toch?") == [("123456780", "national_id")]


def test_document_numbers_after_a_keyword(step):
    assert step("document", "Zijn V-nummer was 2034567891.") == [("2034567891", "document")]
    assert step("document", "Numer jej paszportu to EA1234567.", "pl") == [
        ("EA1234567", "document")
    ]
    assert step("document", "Het dossier is in 2019 gesloten.") == []


def test_plates(step):
    assert step("plate", "Een bus met kenteken VKG-41-J.") == [("VKG-41-J", "plate")]
    assert step("plate", "Mașina cu numărul de înmatriculare IS 12 XYZ.", "ro") == [
        ("IS 12 XYZ", "plate")
    ]


def test_address_and_postcode(step):
    assert step("address", "Ze woonde op de Vlierstraat 14, 3082 KL Rotterdam.") == [
        ("Vlierstraat 14", "address"),
        ("3082 KL", "postcode"),
    ]
    assert step("address", "Wij betaalden 120 euro per week.") == []


def test_street_without_number_is_found_for_experts(step):
    assert step("street", "We woonden aan de Dorpsstraat.") == [("Dorpsstraat", "street")]


def test_birth_date_needs_a_birth_word_but_any_date_does_not(step):
    assert step("birth_date", "Zij is geboren op 3 mei 2001.") == [("3 mei 2001", "date")]
    assert step("birth_date", "Op 3 mei 2001 kwam de wet.") == []
    assert step("any_date", "Op 3 mei 2001 ben ik gevlucht.") == [("3 mei 2001", "date")]
    assert step("any_date", "In mei 2001 ben ik gevlucht.") == []


def test_exact_age_of_a_person_but_not_general_ages(step):
    assert step("age", "Ik was 16 toen het begon.") == [("16", "age")]
    assert step("age", "Kinderen onder de 12 jaar en 18-min zijn kwetsbaar.") == []
    assert step("age", "Ik was 3 maanden in de opvang.") == []


def test_names_lowercase_after_a_cue_and_inflected(step):
    assert step("names", "ik heb het met sanne besproken") == [("sanne", "name")]
    assert step("names", "Rozmawiałam z kasią z ośrodka.", "pl") == [("kasią", "name")]
    assert step("names", "Dan gaan we verder.") == []


def test_names_leave_public_bodies_alone(step):
    assert step("names", "De Cruz Roja helpt.", "es") == []


def test_dutch_names_with_deduce(step):
    assert step("dutch_names", "Wethouder Van der Linden wil het niet.") == [
        ("Van der Linden", "name")
    ]
    assert step("dutch_names", "Boven alles moet het slachtoffer centraal staan.") == []
    assert step("dutch_names", "Bel Jan de Vries even.") == [("Jan de Vries", "name")]


def test_place_small_places_but_not_cities(step):
    assert step("place", "Ik groeide op in Hoogezand en werkte in Amsterdam.", "nl", "expert") == [
        ("Hoogezand", "place")
    ]


def test_organisation_named_employers(step):
    found = step(
        "organisation", "Ik werkte bij Kwekerij Van den Berg en daarna bij Fier.", "nl", "expert"
    )
    assert found == [("Kwekerij Van den Berg", "employer")]


def test_document_case_numbers_near_case_words_and_in_case_number_shapes(step):
    assert step("document", "In zaak 2023-ZED-0412 zagen we dat.") == [
        ("2023-ZED-0412", "document")
    ]
    assert step("document", "Onder nummer PL0900-2023123456.") == [
        ("PL0900-2023123456", "document")
    ]
    assert step("document", "Bekijk RTM-2023-0456 nog eens.") == [("RTM-2023-0456", "document")]
    assert step("document", "De zaak van 2019-2023 ging om 1.250.000 euro.") == []
    assert step("document", "In dossier 12-03-2023 staat niets.") == []
