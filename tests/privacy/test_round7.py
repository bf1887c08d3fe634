"""Round 7 of issue 8: common names of a country are names in its language although they
are frequent words there; the same answer gives the same quote in every process.

Sentences written for these tests (none copied from any test set).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

COMMON_NAMES = [
    ("hu", "A lakásban lakott egy fiú is, Patrik, aki még kiskorú volt.", "Patrik"),
    ("pl", "Na budowie był też Przemek, który tłumaczył nam wszystko.", "Przemek"),
]


@pytest.mark.parametrize(("lang", "text", "name"), COMMON_NAMES)
def test_a_common_name_of_the_language_goes(scrub, lang, text, name):
    assert name not in scrub(text, lang, "expert")


def test_cities_that_are_also_family_names_stay(scrub):
    text = "Trabajé dos años en Murcia y luego en Zaragoza, y mi hermano en Bilbao."
    assert scrub(text, "es", "expert") == text


def test_a_month_in_lower_case_is_no_name(scrub):
    text = "Estuve allí desde marzo hasta mayo y después volví."
    assert scrub(text, "es", "expert") == text


def test_a_neighbourhood_named_after_a_family_name_goes(scrub):
    out = scrub("We woonden in de Molenaarsbuurt en daarna in de Schilderswijk.", "nl", "expert")
    assert "Molenaarsbuurt" not in out and "Schilderswijk" not in out


_SAME = """
import json, sys
from privacy.pipeline import get_deidentifier
texts = json.loads(sys.argv[1])
d = get_deidentifier()
print(json.dumps([d.deidentify(t, lang, "stakeholder").text for lang, t in texts]))
"""


def test_the_same_answer_gives_the_same_quote_in_every_process():
    """Two findings of one span by different rules were chosen in hash order: a company
    was quoted as "[werkgever]" in one run of the bot and as "[naam]" in the next."""
    texts = [
        ("hu", "A Zöldmező Kertészet dolgozói nem kaptak szerződést."),
        ("nl", "Bij Kwekerij De Zonnehoek in Pijnacker werkten we zonder contract."),
    ]
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _SAME, json.dumps(texts)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert "[munkáltató]" in json.loads(outputs.pop())[0]


STAYS = [
    ("en", "In 2019 I came to Holland and in 2021 We started the union group."),
    ("es", "Me descontaban 450 de la casa, 95 del seguro, 60 de transporte y 25 de multas."),
    ("ro", "După chirie (110 pe săptămână), transport (25) și administrare (15) rămâneau 200."),
    ("nl", "ik kom uit Syrie en mijn vrouw uit Roemenie, we wonen nu in Den Haag."),
    ("ro", "ziceau ca au birou in Chisinau si in Bucuresti, dar nu era adevarat."),
    ("pl", "Na hali byli Polacy, dwóch Erytrejczyków i jedna Filipinka."),
]


@pytest.mark.parametrize(("lang", "text"), STAYS, ids=[s[1][:30] for s in STAYS])
def test_years_amounts_countries_typed_without_accents_and_nationalities_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


AGES = [
    ("pl", "Ostatni przypadek: mężczyzna, 54 lata, spał w samochodzie pod halą.", "54"),
    ("ro", "Printre ei era și o fată (romă, 16 ani) fără acte.", "16"),
]


@pytest.mark.parametrize(("lang", "text", "age"), AGES)
def test_a_number_of_years_between_commas_or_brackets_is_an_age(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


ARABIC_PLACES = [
    "اشتغلنا في بيت بلاستيك في بليسفايك ست شهور.",
    "سكنت في هونسلارسدايك مع خمسة شباب.",
    "من بعد رحت على لوسدرخت عند ابن عمي.",
]


@pytest.mark.parametrize("text", ARABIC_PLACES)
def test_a_dutch_village_written_in_arabic_letters_goes(scrub, text):
    out = scrub(text, "ar", "expert")
    assert out.count("[") == 1 and not any(
        w in out for w in ("بليسفايك", "هونسلارسدايك", "لوسدرخت")
    )


def test_arabic_given_names_go_and_everyday_words_stay(scrub):
    out = scrub("اشتغلت مع ممدوح وسجاد في مزرعة، وممدوح كان يصرخ علينا.", "ar", "expert")
    assert "ممدوح" not in out and "سجاد" not in out
    stays = ("الحمد لله أنا الآن بخير.", "نحكي بالعربي بس.", "قالوا لي باسم الشركة إنه قانوني.")
    for text in stays:
        assert scrub(text, "ar", "expert") == text


def test_a_town_written_with_s_after_a_postcode_goes(scrub):
    out = scrub("We woonden op de Dorpsstraat 41, 2691 AB 's-Gravenzande, met tien man.", "nl")
    assert "Gravenzande" not in out


def test_a_hungarian_account_number_goes():
    """Three groups of eight digits always; two when their check digits are right."""
    from privacy.pipeline import get_deidentifier

    d = get_deidentifier()
    for text in ("A bér a 11773016-20458931-00000000 számlára jött.", "Számla: 11773016-20458931"):
        assert [s.label for s in d.deidentify(text, "hu", "expert").spans] == ["bank"]


AGES_IN_NOTES = [
    ("hu", "betr.: egy nő (nő, 34) a politie-ügyszám mellett", "34"),
    ("es", "La víctima (mujer, 24, colombiana) declaró ante la policía.", "24"),
    ("en", "My younger sister Grace was 17 then, they wanted to bring her too.", "17"),
]


@pytest.mark.parametrize(("lang", "text", "age"), AGES_IN_NOTES)
def test_an_age_after_a_sex_in_brackets_or_after_my_sister_goes(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


def test_a_business_named_with_dutch_words_in_cyrillic_letters_goes(scrub):
    out = scrub("Работих в Стар Персонеел, после във фирма Ван Дам Флеес.", "bg", "expert")
    assert "Персонеел" not in out and "Флеес" not in out


def test_a_name_after_a_title_with_a_dot_goes(scrub):
    out = scrub("We assisted Mr. Harjinder Singh Sandhu last week.", "en", "stakeholder")
    assert out == "We assisted Mr. [name] last week."


def test_a_dutch_address_written_in_cyrillic_letters_goes(scrub):
    out = scrub("Ми жили на Вейнгаардсвег 14 у Венло, вдесятьох.", "uk", "expert")
    assert "Вейнгаардсвег" not in out and "14" not in out


def test_hungarian_names_and_their_pet_forms_go_and_the_words_stay(scrub):
    out = scrub("A brigádvezető Géza volt, Gyuszi pedig a sofőr.", "hu", "expert")
    assert "Géza" not in out and "Gyuszi" not in out
    assert scrub("Szép virág volt az asztalon.", "hu", "expert") == "Szép virág volt az asztalon."


def test_common_romanian_and_bulgarian_names_go_and_words_stay(scrub):
    assert "Dragoș" not in scrub("Șeful de echipă, Dragoș, ne lua banii.", "ro", "expert")
    assert "Радост" not in scrub("Помогна ми Радост от църквата.", "bg", "expert")
    text = "С радост ще помогна, но вяра в системата няма."
    assert scrub(text, "bg", "expert") == text


NAMES_OF_MANY_ORIGINS = [
    ("es", "El encargado, un tal Nelson, nos cobraba el alquiler.", "Nelson"),
    ("nl", "Mijn collega Sietske heeft de melding gedaan.", "Sietske"),
    ("en", "My friend Awet took me to the church in Arnhem.", "Awet"),
    ("en", "The one who recruited us was Rommel, a cousin of my mother.", "Rommel"),
]


@pytest.mark.parametrize(("lang", "text", "name"), NAMES_OF_MANY_ORIGINS)
def test_given_names_of_many_origins_go(scrub, lang, text, name):
    assert name not in scrub(text, lang, "expert")


WHAT_STAYS = [
    ("ro", "Patronul i-a zis: „Dacă nu vii mâine, te trimit acasă.”"),
    ("hu", "A BSN-igénylésnél sokat kell várni, a Ministerie-nél senki nem válaszol."),
    ("hu", "Kárpátaljáról és Erdélyből is sokan jöttek ki."),
    ("en", "Many of the workers come from Punjab and Kerala."),
    ("pl", "Problemem są pośrednicy bez certyfikatu SNA."),
    ("ar", "اشتغلت في صالون مساج وبعدين بمطعم شاورما."),
]


@pytest.mark.parametrize(("lang", "text"), WHAT_STAYS, ids=[w[1][:30] for w in WHAT_STAYS])
def test_speech_suffixed_acronyms_regions_and_trades_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


def test_a_dutch_town_under_100000_goes_and_a_city_stays(scrub):
    out = scrub("Ik werkte in een kas in Spijkenisse en woonde in Rotterdam.", "nl", "expert")
    assert "Spijkenisse" not in out and "Rotterdam" in out


def test_an_unknown_given_name_before_a_family_name_found_goes_with_it(scrub):
    out = scrub("Нам допомогла Ріні Вербек з церкви.", "uk", "expert")
    assert "Ріні" not in out and "Вербек" not in out


def test_arabic_written_with_short_vowels_reads_as_without_and_stays_as_written(scrub):
    out = scrub("اسمي مُحَمَّد وعمري ١٧ سنة، والمسؤول يُعرف باسم زيزو.", "ar", "expert")
    assert "مُحَمَّد" not in out and "١٧" not in out and "زيزو" not in out
    assert out.startswith("اسمي [") and "يُعرف باسم" in out  # untouched words as written


BUSINESSES = [
    ("en", "I worked at Nails by Lily in Zaandam for a year.", "Lily"),
    ("en", "I came through Happy Nest Au Pairs, they never answered.", "Happy Nest"),
    ("en", "We cooked at Damascus Grill six days a week.", "Damascus Grill"),
    ("nl", "Via Vers&Snel Uitzend kwam ik bij de kas terecht.", "Vers&Snel"),
]


@pytest.mark.parametrize(("lang", "text", "name"), BUSINESSES)
def test_small_businesses_named_in_these_ways_go(scrub, lang, text, name):
    assert name not in scrub(text, lang, "expert")


def test_au_pair_alone_and_a_sentence_start_stay(scrub):
    text = "I came to the Netherlands as an Au Pair. Via the agency I found a family."
    assert scrub(text, "en", "expert") == text


def test_dutch_neighbourhoods_and_towns_under_100000_go_in_any_language(scrub):
    out = scrub("Vivía en la Tarwewijk y trabajaba en Oosterhout.", "es", "expert")
    assert "Tarwewijk" not in out and "Oosterhout" not in out


MORE_AGES = [
    ("en", "Faith turned 18 in the shelter, which meant she had to leave.", "18"),
    ("nl", "De oudste, Yonas, is net 17 geworden en werkte 's nachts.", "17"),
    ("nl", "Mercy was zestien. Niemand vroeg ernaar.", "zestien"),
    ("bg", "Брат ми беше 15 години, и той работи.", "15"),
]


@pytest.mark.parametrize(("lang", "text", "age"), MORE_AGES)
def test_an_age_after_turned_geworden_or_a_name_and_was_goes(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


def test_degrees_and_durations_are_no_ages(scrub):
    for lang, text in (
        ("en", "In July the greenhouse turned 40 degrees by noon."),
        ("nl", "Rotterdam was 2 jaar lang mijn thuis."),
    ):
        assert scrub(text, lang, "expert") == text


def test_a_family_name_that_is_a_word_goes_after_a_given_name(scrub):
    out = scrub("Нам допомогла Інна Гончар, а потім Оксана Вовк з профспілки.", "uk", "expert")
    assert "Гончар" not in out and "Вовк" not in out
    text = "Вовк і гончар жили в одному селі, так кажуть у казці."
    assert scrub(text, "uk", "expert") == text


def test_a_family_name_in_capitals_before_a_given_name_goes_with_it(scrub):
    out = scrub("Dane: KOWAL Wiesław, zatrudniony przez agencję.", "pl", "expert")
    assert "KOWAL" not in out and "Wiesław" not in out


NUMBERS_IN_FORMS = [
    ("uk", "Потерпіла: К.О. (нар. 12.06.2006), громадянка України.", "12.06.2006"),
    ("nl", "Naam cliënt: onbekend\nGeb.datum: 03-11-1998\nWoonplaats: onbekend", "03-11-1998"),
    ("ar", "الاسم: غير معروف\nتاريخ الازدياد: 19/07/1994", "19/07/1994"),
    ("en", "CNIC: 34101-5678912-3 and phone unknown", "34101-5678912-3"),
    ("es", "Documento: céd. V-19.384.226, sin pasaporte.", "19.384.226"),
    ("hu", "Aznap elvették az útlevelemet (BE4417206), és nem adták vissza.", "BE4417206"),
]


@pytest.mark.parametrize(("lang", "text", "value"), NUMBERS_IN_FORMS)
def test_birth_dates_and_numbers_written_as_forms_write_them_go(scrub, lang, text, value):
    out = scrub(text, lang, "stakeholder")
    assert value not in out


def test_a_number_after_a_keyword_ends_at_the_first_word_without_digits(scrub):
    out = scrub("CNIC: 34101-5678912-3 and phone unknown", "en", "stakeholder")
    assert out.endswith("] and phone unknown")


def test_a_phone_number_of_a_country_english_or_spanish_writers_come_from_goes(scrub):
    assert "98140 27716" not in scrub("His number is 98140 27716, call him.", "en", "expert")
    assert scrub("We earned 2024 euros in 12 weeks, 1500 hours.", "en", "expert").startswith(
        "We earned 2024 euros"
    )


STAY_TOO = [
    ("uk", "Ми направляємо людей у Juridisch Loket, а я сама з Житомира."),
    ("nl", "Er is bij elk gesprek een tolk Tigrinya nodig."),
    ("ro", "Fără DigiD nu poți face nimic aici, nici la Vreemdelingenpolitie."),
]


@pytest.mark.parametrize(("lang", "text"), STAY_TOO, ids=[s[1][:30] for s in STAY_TOO])
def test_public_services_languages_and_ukrainian_cities_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


AGES_IN_SPEECH = [
    ("pl", "Miałem 17, jak Dawid zabrał mnie do Holandii.", "17"),
    ("nl", "ik was 15 en hij 23, iedereen op school wist het.", "23"),
    ("nl", "ik was 14j toen ze me vroegen om pakketjes rond te brengen.", "14"),
]


@pytest.mark.parametrize(("lang", "text", "age"), AGES_IN_SPEECH)
def test_ages_as_people_say_them_go(scrub, lang, text, age):
    assert age not in scrub(text, lang, "expert")


def test_a_number_had_before_a_comma_is_no_age_without_when(scrub):
    text = "Miałem 17, ale wszystko zabrali."
    assert scrub(text, "pl", "expert") == text
