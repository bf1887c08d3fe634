"""Round 8 of issue 8: Dutch places written by ear in Arabic letters.

Sentences written for these tests (none copied from any test set).
"""

import pytest

from privacy.sound_keys import arabic_key, dutch_keys

HEARD = [
    ("كنت أشتغل في مزرعة بزوتفن مع خمسة رجال.", "زوتفن"),  # Zutphen, "in" glued on
    ("البيت كان قرب هورست وما في باص.", "هورست"),  # Horst, after "near"
    ("سكنت عند عيلة بفاسنار سنتين.", "فاسنار"),  # Wassenaar, w heard as f
    ("اشتغلت بمخزن جنب إيميلورد.", "إيميلورد"),  # Emmeloord
    ("نقلونا على سكن في لوسدرخت بالليل.", "لوسدرخت"),  # Loosdrecht
    ("خدمنا عند واحد الفلاح ف سيفنوم شهرين.", "سيفنوم"),  # Sevenum, Moroccan "f" = in
    ("كان ساكن مع خوه في سلوترفارت.", "سلوترفارت"),  # Slotervaart, a neighbourhood
]


@pytest.mark.parametrize(("text", "place"), HEARD)
def test_a_dutch_village_written_by_ear_in_arabic_goes(scrub, text, place):
    out = scrub(text, "ar", "expert")
    assert place not in out
    assert "[" in out


def test_the_glued_in_stays_outside_the_placeholder(scrub):
    out = scrub("كنت أشتغل بزوتفن كل يوم.", "ar", "expert")
    assert "ب[" in out


STAYS = [
    "اشتغلت بأوتريخت وبعدين بأيندهوفن.",  # Utrecht, Eindhoven: cities stay
    "الشغل في المستودع كان عشر ساعات.",  # the warehouse: an Arabic word with the article
    "طلبنا المساعدة فالمساعدة حق للجميع.",  # "so help", the article after a glued "so"
    "الأختان انتظرتا ثلاث ساعات في المركز.",  # a verb, Arabic ending
    "كنا ساكنين ستة في كرفان واحد.",  # a caravan
    "اشتغلت بالبيوت البلاستيك بمنطقة فستلاند سنتين.",  # Westland: kept
    "كنت ساكنة عند عيلة، كنغسل ونطبخ طول النهار.",  # "we wash": a dialect's verb
]


@pytest.mark.parametrize("text", STAYS)
def test_arabic_words_and_dutch_cities_stay(scrub, text):
    assert scrub(text, "ar", "expert") == text


def test_sound_keys_read_both_scripts_alike():
    assert arabic_key("زوتفن") in dutch_keys("Zutphen")
    assert arabic_key("فاسنار") in dutch_keys("Wassenaar")
    assert arabic_key("هونسلارسدايك") in dutch_keys("Honselersdijk")
    assert arabic_key("شيفينينغن") in dutch_keys("Scheveningen")
    assert arabic_key("درونتن") not in dutch_keys("Zutphen")


NEIGHBOURHOODS = [
    ("en", "We were kept in a flat in the Bijlmer for months.", "Bijlmer"),
    ("nl", "hij woonde toen in overvecht bij zijn oom", "overvecht"),
    ("pl", "Mieszkaliśmy w Lombardijen, w jednym pokoju we czterech.", "Lombardijen"),
]


@pytest.mark.parametrize(("lang", "text", "place"), NEIGHBOURHOODS)
def test_a_neighbourhood_of_a_dutch_city_goes_in_every_language(scrub, lang, text, place):
    assert place not in scrub(text, lang, "expert")


def test_a_town_wins_over_a_channel_of_the_same_first_word(scrub):
    assert "Загора" not in scrub("Аз съм от Нова Загора, работих в склад.", "bg", "expert")
    text = "Гледахме Нова телевизия вечер след работа."
    assert scrub(text, "bg", "expert") == text


ARABIC_NAMES = [
    ("المسؤول عن السكن اسمه سامي عبد الرزاق الكبيسي، عراقي.", "عبد الرزاق الكبيسي"),
    ("الاسم الكامل: خالد بن عبد العزيز التميمي، تاريخ الوصول غير معروف.", "التميمي"),
    ("كان الكل يعطي المصاري لأبو سمير كل جمعة، أبو سمير هو الكبير.", "سمير"),
    ("المترجم كان اسمه نور الدين وكان لطيف معنا.", "نور الدين"),
]


@pytest.mark.parametrize(("text", "part"), ARABIC_NAMES)
def test_every_part_of_an_arabic_name_goes(scrub, text, part):
    assert part not in scrub(text, "ar", "expert")


ARABIC_WORDS = [
    "قال لي إنه بيرجع الجواز لما خلص الدين كله.",  # the debt
    "الحمد لله، الحين أنا بأمان مع بنتي.",
    "الشغل كان عند شركة هولندية والمدير العام ما كان يعرف.",
]


@pytest.mark.parametrize("text", ARABIC_WORDS)
def test_arabic_words_around_names_stay(scrub, text):
    assert scrub(text, "ar", "expert") == text


DEDUCE_VILLAGES = [
    ("en", "They kept us in a chalet near Kaatsheuvel for the whole season.", "Kaatsheuvel"),
    ("uk", "Ми жили в будинку в Landgraaf, дев'ятеро в трьох кімнатах.", "Landgraaf"),
    ("nl", "ze werkte toen in krommenie bij een nagelsalon", "krommenie"),
]


@pytest.mark.parametrize(("lang", "text", "place"), DEDUCE_VILLAGES)
def test_a_dutch_village_geonames_lacks_goes(scrub, lang, text, place):
    assert place not in scrub(text, lang, "expert")


def test_a_minister_by_office_and_name_stays(scrub):
    text = "A Kamerbrief, amit Van Hijum miniszter küldött, pénzt ígér."
    assert "Hijum" in scrub(text, "hu", "expert")


def test_a_romanian_place_after_la_goes_and_an_office_stays(scrub):
    out = scrub("Când am ajuns la Zevenbergen nu ne aștepta nimeni.", "ro", "expert")
    assert "Zevenbergen" not in out
    text = "Abia în februarie a venit cineva de la Inspecție, apoi am mers la Poliție."
    assert scrub(text, "ro", "expert") == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Boxtel mellett dolgoztam egy húsüzemben.", "Boxtel"),
        ("Egy Wassenaar-i családhoz kerültem au pairként.", "Wassenaar"),
    ],
)
def test_a_hungarian_village_first_or_with_a_hyphened_suffix_goes(scrub, text, place):
    assert place not in scrub(text, "hu", "expert")
