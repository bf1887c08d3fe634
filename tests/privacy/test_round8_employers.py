"""Round 8 of issue 8: eateries, staffing agencies and campings named like a brand; Dutch
addresses that open with their type word or end in a floor ("Laan van ... 12", "88-II").

Sentences written for these tests (none copied from any test set).
"""

import pytest

GOES = [
    ("nl", "Ik stond zes dagen in Grillroom Haarlem achter de kassa.", "Grillroom Haarlem"),
    ("en", "They placed me through Sunny Isles Placement in Manila.", "Sunny Isles Placement"),
    ("ro", "Am venit printr-o firmă, Best Job Consult, care ne-a mințit.", "Best Job Consult"),
    ("pl", "Mieszkaliśmy na Camping De Eikenhorst pod Venlo.", "Camping De Eikenhorst"),
    ("pl", "Przyjechałam przez Jobs2Go Polska i nic nie dostałam.", "Jobs2Go Polska"),
    ("bg", "Работих чрез агенция Work4Me в склада.", "Work4Me"),
    ("pl", "Agencja Flexwork Plus płaciła nam gotówką.", "Flexwork Plus"),
    ("ro", "Ne-a angajat Bouwbedrijf Dragomir din Venlo.", "Bouwbedrijf Dragomir"),
    ("en", "The agency, JobStar Horti, kept our passports.", "JobStar Horti"),
]


@pytest.mark.parametrize(("lang", "text", "name"), GOES)
def test_a_business_named_like_a_brand_goes(scrub, lang, text, name):
    out = scrub(text, lang, "stakeholder")
    assert not [word for word in name.split() if word in out]


STAYS = [
    ("en", "The Department for Work and Pensions and Work and Income should share data."),
    ("en", "My iPhone4S was taken and I could not call anyone."),
    ("en", "Many employers still prefer B2B contracts."),
    ("nl", "Flexibele contracten zijn het probleem, zegt FNV Schoonmaak."),
    ("en", "I sent it on WhatsApp and on LinkedIn."),
    ("pl", "Mieszkałem w Bredzie, potem w Lejdzie; Belastingdienst nie pomógł."),
    ("es", "Vine desde Lima en 2019 y trabajé en La Haya."),
]


@pytest.mark.parametrize(("lang", "text"), STAYS)
def test_public_bodies_and_product_names_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


ADDRESSES = [
    ("ro", "Am stat pe Laan van Nieuw Oost-Indië 212, la un verișor.", "212"),
    ("en", "They lived at Celebesstraat 14-III with six others.", "III"),
    ("uk", "Адреса: Graaf Willemstraat 7-B, 3021 CH Роттердам.", "7-B"),
]


@pytest.mark.parametrize(("lang", "text", "part"), ADDRESSES)
def test_a_dutch_address_goes_whole(scrub, lang, text, part):
    assert part not in scrub(text, lang, "expert")


DUTCH_NAMED = [
    ("pl", "Mieszkaliśmy na farmie De Zonnehoek koło Venlo.", "Zonnehoek"),
    ("en", "She stayed at De Regenboog for two months.", "Regenboog"),
    ("hu", "A De Berkenhof nevű parkban hatan aludtak egy házban.", "Berkenhof"),
]


@pytest.mark.parametrize(("lang", "text", "name"), DUTCH_NAMED)
def test_a_name_with_a_capitalised_dutch_article_goes(scrub, lang, text, name):
    assert name not in scrub(text, lang, "stakeholder")


def test_a_dutch_village_and_a_family_name_with_de_keep_their_kind(deidentifier):
    found, _ = deidentifier.find("Pracowałam w De Lier u pana De Vries.", "pl", "expert")
    labels = {f.label for f in found}
    assert "employer" not in labels and {"place", "name"} <= labels
