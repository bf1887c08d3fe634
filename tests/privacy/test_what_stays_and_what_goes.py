"""Issue 8, second round: fewer texts touched that hold nothing to remove, and recall on
the weak categories. Sentences written for these tests (none copied from any test set);
each rule is shown with what must stay beside what must go.
"""

import pytest

# (lang, text): nothing in them may be removed
STAYS = [
    # a web address or a count near a platform word
    ("en", "On TikTok and gov.uk you find it."),
    ("en", "We post vacancies on Instagram 2x per week."),
    # a number of people, a time of day, a share
    ("en", "The youngest of 3 children was sent to school."),
    ("en", "We started at 6 in the morning."),
    ("es", "Empecé a trabajar a las 7."),
    # countries, regions and cities in their case forms (CLDR names, case endings)
    ("pl", "Wielu pracowników z Filipin i Indii trafia do Polski przez agencje w Dubaju."),
    ("uk", "Багато людей із Непалу та Індії їдуть до Європи через Дубаї."),
    ("ro", "În Germania, Austria și Țările de Jos regulile sunt altele."),
    ("hu", "Kelet-Magyarországon és a Dél-Alföldön a legnagyobb a szegénység."),
    ("bg", "В Добруджа и Тракия сезонната работа е в земеделието."),
    ("ro", "Bărbații din Maramureș merg mai ales în construcții."),
    # national office holders in their role
    ("nl", "Minister Van Hijum heeft beloofd de regels aan te scherpen."),
    ("es", "La ministra de Igualdad Ana Redondo habló ayer de la trata."),
    ("hu", "Orbán Viktor miniszterelnök beszélt a külföldön dolgozókról."),
    # languages and nationalities, also before a body's name
    ("hu", "Az áldozatok többsége magyar, román vagy ukrán állampolgár."),
    ("hu", "A Magyar Vöröskereszt is segít az áldozatoknak."),
    # names that are everyday words, first in a sentence
    ("es", "Victoria pírrica: ganamos el juicio, pero nunca cobramos."),
    ("pl", "Kowal, murarz, spawacz – na te zawody jest popyt."),
    # a capitalised word after "de", "із" that is an everyday word
    ("es", "El Ministerio de Inclusión y la Policía Nacional comparten datos."),
    ("uk", "Згідно із Законом України держава має допомагати постраждалим."),
    # a day of a date, holidays, media, web addresses
    ("bg", "Европейският ден за борба с трафика на хора е на 18 октомври."),
    ("pl", "Infolinia działa także w Wielki Piątek."),
    ("nl", "Ik las het in Trouw en later nog eens in het Parool."),
    ("en", "Just look at www.gov.uk, it is all there."),
    # things after an article or "of" are no person, nor is a compound noun
    ("nl", "Dat is het gratis nummer van de Fraudehelpdesk."),
    ("es", "El Real Madrid y el Barça tienen jugadores extranjeros."),
    # a full stop after a place word ends the sentence
    ("nl", "Veel hangt af van de gemeente. Soms gaat het goed."),
    # Arabic verbs that end like a transliterated street suffix
    ("ar", "الشرطة ومفتشية العمل لا تتبادلان المعلومات بشكل كافٍ."),
]


@pytest.mark.parametrize(("lang", "text"), STAYS, ids=[s[1][:30] for s in STAYS])
def test_what_names_no_one_stays_as_written(scrub, lang, text):
    assert scrub(text, lang) == text


# (lang, profile, text, part of the result)
GOES = [
    # unknown given names inside a sentence
    ("nl", "stakeholder", "Gisteren heeft Wessel ons geholpen.", "heeft [naam] ons"),
    ("bg", "stakeholder", "Вчера Добромир ни помогна.", "Вчера [име] ни"),
    ("es", "stakeholder", "Ayer Leocadia nos ayudó con los papeles.", "Ayer [nombre] nos"),
    # ages in brackets after a person, in forms, without accents, in the dative
    ("nl", "stakeholder", "Het ging om een meisje (16) uit Roemenië.", "meisje ([leeftijd])"),
    ("nl", "stakeholder", "Leeftijd slachtoffer: 17 jaar.", "[leeftijd] jaar"),
    ("es", "expert", "yo tenia 16 cuando empece en el campo", "tenia [edad] cuando"),
    ("uk", "stakeholder", "Хлопцеві шістнадцять, він працює на будові.", "Хлопцеві [вік],"),
    ("en", "stakeholder", "She had just turned 17 when she left.", "turned [age] when"),
    # the ages of a group, of a brother beside one's own, the age work began
    ("en", "stakeholder", "The youngest was 13, the oldest maybe 19.", "oldest maybe [age]."),
    ("pl", "stakeholder", "Najmłodszy miał 14, a najstarsza 19 lat.", "najstarsza [wiek] lat"),
    ("nl", "expert", "Ik was toen zestien, mijn broertje twaalf.", "broertje [leeftijd]."),
    ("ro", "expert", "Am 19 ani și lucrez de la 15.", "lucrez de la [vârstă]."),
    ("nl", "stakeholder", "Slachtoffer is een 17-jarig meisje.", "een [leeftijd]-jarig"),
    # employers named by their kind of business
    ("en", "stakeholder", "Supplied by Midland Labour Solutions to farms.", "by [employer] to"),
    ("uk", "stakeholder", "Власник агрофірми «Колос» забирав документи.", "агрофірми [роб"),
    # IBANs with dashes, handles after a platform compound and a comma
    (
        "en",
        "stakeholder",
        "Paid into GB29-NWBK-6016-1331-9268-19 by the agent.",
        "into [account number] by",
    ),
    ("nl", "stakeholder", "Ze heeft een Instagram-account, sweet.anna99, daar.", "account, [acc"),
    ("bg", "stakeholder", "В Инстаграм профилът му е mitko.bg88.", "В Инстаграм профилът му е ["),
    # a user name near a platform word, in brackets or after other words; "@" handles
    ("ro", "expert", "pe insta ma gasesti ca ana.m_99", "ca [cont]"),
    ("en", "expert", "look me up on snap (kingmoney77), that's it", "snap ([account])"),
    ("en", "stakeholder", "He had a TikTok account @flexwerk.nl.official", "account [account]"),
    ("en", "stakeholder", "mail me: jan @ gmail . com", "me: [email address]"),
    # villages in a case form, also first in the sentence
    ("hu", "expert", "Tiszabőn nőttem fel, onnan vittek ki minket.", "[település] nőttem"),
    # employers: prefix legal forms, quotes, "és", business nouns after the name
    ("uk", "stakeholder", "Людей наймало ТОВ «Світанок-Агро», паспорти забирали.", "наймало ["),
    ("bg", "stakeholder", "Работех в хотел „Морска звезда“ без почивен ден.", "хотел [работ"),
    ("hu", "stakeholder", "A Kovács és Társa Kft. alkalmazott minket.", "A [munkáltató] alk"),
    ("hu", "stakeholder", "A Zöldmező Kertészet dolgozói nem kaptak szerződést.", "A [munkált"),
    # a street named after a public figure is still an address
    ("hu", "stakeholder", "A Petőfi Sándor utca 12. alatt lakott.", "A [cím] alatt"),
]


@pytest.mark.parametrize(("lang", "profile", "text", "part"), GOES, ids=[g[2][:30] for g in GOES])
def test_what_points_at_someone_goes(scrub, lang, profile, text, part):
    assert part in scrub(text, lang, profile)


def test_local_office_holders_still_go_national_ones_stay(scrub):
    assert scrub("Wethouder Van der Linden kwam langs.", "nl") == "Wethouder [naam] kwam langs."
    kept = "Minister Van Hijum kwam langs."
    assert scrub(kept, "nl") == kept


def test_the_minister_and_a_person_after_and_is_no_office_holder(scrub):
    assert "[naam]" in scrub("De minister en Anna Jansen waren er.", "nl")
