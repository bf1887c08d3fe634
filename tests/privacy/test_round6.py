"""Round 6 of issue 8: double family names joined by a hyphen go whole, in either order;
a region written with a hyphen next to a name stays.

Sentences written for these tests (none copied from any test set).
"""

import pytest

WHOLE = [
    ("hu", "Tóth-Varga Eszter intézte a papírokat, ő fizetett ki minket."),
    ("hu", "A kapcsolattartó Bodnár-Kis Réka volt a tolmácsirodától."),
    ("en", "The recruiter, Kovács-Simon Petra, met us at the bus station."),
    ("es", "Nos recogió Lucía Fernández-Ortega en la estación de autobuses."),
]


@pytest.mark.parametrize(("lang", "text"), WHOLE)
def test_a_double_family_name_goes_with_the_name(scrub, lang, text):
    out = scrub(text, lang, "expert")
    for part in ("Tóth", "Varga", "Bodnár", "Kis ", "Kovács", "Simon", "Fernández", "Ortega"):
        assert part not in out
    assert out.count("[") == 1  # one person, one placeholder


def test_a_hyphenated_region_next_to_a_name_stays(scrub):
    out = scrub("In Noord-Holland Sanne en ik hebben dat samen opgezet.", "nl", "stakeholder")
    assert out.startswith("In Noord-Holland [naam] en ik")


NICKNAMES = [
    ("pl", "Był tam jeden, ksywa rudy, i on trzymał nasze paszporty.", "rudy"),
    ("ro", "seful, poreclit bebe, ne lua banii in fiecare vineri", "bebe"),
    ("nl", "Zijn bijnaam was tommie en iedereen was bang voor hem.", "tommie"),
    ("es", "Al encargado le decían el gordo y nadie le contestaba.", "gordo"),
    ("hu", "A sofőrt mindenki Kopasznak hívta, a nevét nem tudtuk.", "Kopasz"),
]


@pytest.mark.parametrize(("lang", "text", "nickname"), NICKNAMES)
def test_a_nickname_after_a_nickname_word_goes_in_any_case(scrub, lang, text, nickname):
    assert nickname not in scrub(text, lang, "expert")


THINGS_CALLED = [
    ("nl", "Het fenomeen genaamd loverboys is bij scholen nog te weinig bekend."),
    ("pl", "Tak zwany dług za transport rósł z każdym tygodniem."),
    ("hu", "Tegnap hívta a rendőrséget a szomszéd, és jöttek is."),
    ("en", "What the police call cuckooing is growing in small towns."),
]


@pytest.mark.parametrize(("lang", "text"), THINGS_CALLED)
def test_a_thing_that_is_called_something_stays(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


CASE_NOTES = [
    ("en", "Referred by our colleague T.J. van Dam, who met her at the station.", "Dam"),
    ("pl", "Zgłoszenie: pokrzywdzony Tomasz W., bez dokumentów, od marca w Holandii.", "W."),
    ("bg", "Шофьорът Стефан Т. ги возеше всяка сутрин до нивите.", "Т."),
    ("pl", "Kierowca A.K. Kowalczyk-Lis zabierał nas z kwatery.", "Kowalczyk"),
    ("nl", "Cliënt (17 jr) is via school gemeld.", "17"),
    ("pl", "Zgłosiła się klientka (lat 16), skierowana przez szkołę.", "16"),
    ("en", "Intake note: the young man was born in 2008 and came alone.", "2008"),
    ("uk", "Клієнтка (2006 р.н.) звернулася до нас у березні.", "2006"),
]


@pytest.mark.parametrize(("lang", "text", "gone"), CASE_NOTES)
def test_what_case_notes_abbreviate_goes(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


ABBREVIATIONS = [
    ("en", "The U.S. Army and the E.U. Commission both spoke at the conference."),
    ("nl", "Wij volgen scenario B. De wet is in 2009 aangenomen, na 15 jr overleg."),
    ("en", "Since 2019 the law passed in 2018 is in force; she was born abroad."),
]


@pytest.mark.parametrize(("lang", "text"), ABBREVIATIONS)
def test_abbreviations_and_years_that_are_no_person_stay(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


WHAT_STAYS = [
    ("nl", "Wat ik nodig had was een tolk, in maart al. Niet pas in de zomer."),
    ("hu", "SENKI nem jött. Sem a konzul, sem a rendőr, sem a munkáltató."),
    ("pl", "Widzę co tydzień, że Rumuni i Bułgarzy boją się zgłaszać na policję."),
    ("pl", "Od lat współpracujemy z La Stradą i z Armią Zbawienia, także w Brabancji."),
    ("pl", "Zgłosiliśmy sprawę do Inspekcji Pracy i do Straży Granicznej."),
    ("uk", "Ми співпрацюємо з Нацполіцією, але в Гелдерланді притулків замало."),
    ("bg", "Инспекцията по труда работи добре в Северен Брабант и в Утрехт."),
    ("ro", "Nota de control 15/05: trei persoane fără contract, predat la KMar."),
    ("uk", "Згідно із Законом про протидію торгівлі людьми ми подали заяву."),
    ("uk", "Бракує контролю з боку Трудової інспекції, особливо в Амерсфорті."),
    ("bg", "Жената беше настанена в приют, а Трудовата инспекция не направи нищо."),
    ("pl", "W Brabancie i w Utrechcie agencje robią, co chcą."),
]


@pytest.mark.parametrize(("lang", "text"), WHAT_STAYS)
def test_bodies_regions_and_everyday_words_stay(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Mieszkałam razem z Olgą Wiśniewską i z Ukrainką z Charkowa.", "Olgą", "Ukrainką"),
        ("Я жила разом з Оксаною Мельник, вона теж не мала паспорта.", "Оксаною", "паспорта"),
    ],
)
def test_someone_one_was_with_goes_as_a_person(scrub, text, gone, kept):
    out = scrub(text, None, "expert")
    assert gone not in out and kept in out


TRANSCRIPT = (
    "Interviewer: Wat ging er mis?\n"
    "R: Alles. Niemand sprak Pools.\n"
    "Interviewer: Hoe oud was je toen?\n"
    "R: Zeventien. Mijn neef Dariusz had het geregeld."
)


def test_a_transcript_keeps_its_labels_and_loses_the_age_and_the_name(scrub):
    out = scrub(TRANSCRIPT, "nl", "expert")
    assert "Interviewer: Wat ging er mis?\nR: Alles. Niemand sprak Pools." in out
    assert "Zeventien" not in out and "Dariusz" not in out


CHAT = (
    "[18:02] Koordynator: jutro nie ma pracy\n"
    "[18:03] Wiesia: a wypłata?\n"
    "[18:05] Mama: córeczko, zadzwoń"
)


def test_a_chat_loses_the_senders_names_but_keeps_roles_and_family_words(scrub):
    out = scrub(CHAT, "pl", "expert")
    assert "Koordynator:" in out and "Mama:" in out
    assert "Wiesia" not in out


EMPLOYERS = [
    ("nl", "Ze werkte bij nagelsalon Pretty Nails & Beauty aan de markt.", "Beauty"),
    ("ro", "Am lucrat la firma Fast&Clean Services doi ani, fara contract.", "Clean"),
    ("en", "We were placed by the agency Smart Staff & Logistics in a warehouse.", "Logistics"),
    ("ro", "Ne-a ajutat o doamna de la Stichting De Vuurtoren, un adapost.", "Vuurtoren"),
    ("es", "Trabajé en los invernaderos de Tuinbouwbedrijf Van Rijn dos años.", "Rijn"),
]


@pytest.mark.parametrize(("lang", "text", "gone"), EMPLOYERS)
def test_an_employer_goes_whole_with_an_ampersand_or_a_dutch_cue(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


def test_bodies_joined_by_an_ampersand_stay(scrub):
    text = "De samenwerking tussen Politie & Justitie en IND & COA loopt goed."
    assert scrub(text, "nl", "stakeholder") == text


MORE_AGES = [
    ("pl", "Była tam dziewczyna, miała chyba ze siedemnaście lat.", "siedemnaście"),
    ("en", "When I came I was 15, now I have 19 and I work in a hotel.", "19"),
    ("hu", "17 voltam, amikor kivittek minket Hollandiába.", "17"),
]


@pytest.mark.parametrize(("lang", "text", "gone"), MORE_AGES)
def test_more_ways_to_say_ones_age(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


def test_a_hungarian_kinship_word_before_a_name_is_a_cue(scrub):
    out = scrub("A bátyja felesége, Tünde, intézte a szállást.", "hu", "expert")
    assert "Tünde" not in out


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("en", "Then Madam Blessing told us we owed her the flight.", "Blessing"),
        ("en", "My wife's sister Grace found the job for us.", "Grace"),
        ("es", "La que mandaba era doña Paz, y nadie le decía que no.", "Paz"),
    ],
)
def test_a_capitalised_word_after_a_title_or_a_people_word_is_a_name(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


def test_a_weekday_after_a_people_word_stays(scrub):
    text = "Our coordinator Monday mornings is someone else."
    assert scrub(text, "en", "stakeholder") == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("جاءنا رجل اسمه يوسف إدريس، وقال إنه يعرف صاحب المزرعة", "إدريس", "وقال"),
        ("صاحبة الصالون اسمها أم وليد، كانت تاخذ جوازاتنا", "وليد", "كانت"),
    ],
)
def test_an_arabic_name_after_his_name_is_goes_whole(scrub, text, gone, kept):
    out = scrub(text, "ar", "expert")
    assert gone not in out
    assert kept in out


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("ro", "Fiul meu s-a născut în 2007 și l-au luat la cules.", "2007"),
        ("ar", "أخوي كان عنده ستاشر سنة لما اشتغل معنا", "ستاشر"),
        ("ar", "عندي خمسة وعشرين سنة وجيت لهولندا وحدي", "خمسة"),
        ("en", "ana 3omri 17 w kont bashtaghal fi mat3am", "17"),
    ],
)
def test_an_experts_birth_year_and_dialect_ages_go(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


def test_an_arabic_count_of_things_stays(scrub):
    text = "عندي 3 أطفال في البلد وأمي مريضة"
    assert scrub(text, "ar", "expert") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("nl", "Betr. cliënte A.B. (16j), aangemeld via school.", "A.B."),
        ("nl", "Betr. cliënte A.B. (16j), aangemeld via school.", "16"),
        ("pl", "Notatka: klientka J. W., skierowana przez konsulat.", "J. W."),
        ("ro", "Dosar: clientă A. Ionescu, fără acte de identitate.", "Ionescu"),
        ("pl", "Pośrednik, ps. Łysy, rekrutuje przez Facebooka.", "Łysy"),
        ("uk", "Гроші йшли на картку 4149 6090 1122 3344, не на мою.", "4149"),
    ],
)
def test_what_case_notes_write_short_goes(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


@pytest.mark.parametrize(
    ("lang", "text", "gone", "kept"),
    [
        ("ro", "Am venit prin firma Transilvania Staff din Iași.", "Staff", "Iași"),
        ("bg", "Отидох с фирма Балкан Труд от Сливен.", "Труд", "Сливен"),
        ("pl", "Pracowałem w firmie Amazon i w agencji Randstad Polska.", "", "Randstad"),
        ("ro", "Lipsă de informare la agenții din Suceava și Botoșani.", "", "Botoșani"),
    ],
)
def test_a_business_named_after_a_kept_place_goes_a_kept_business_stays(
    scrub, lang, text, gone, kept
):
    out = scrub(text, lang, "stakeholder")
    assert (not gone or gone not in out) and kept in out


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nobody listened, so I called 0800-7000 and they told me to call the police."),
        ("en", "Most of the women in the shelter were Ugandan, Kenyan or Thai."),
    ],
)
def test_a_helpline_after_called_and_nationalities_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("uk", "Гроші брав Сергій. Сергію, казала я, віддай паспорт.", "Сергію"),
        ("bg", "Доведе ме Стоян. Стояне, казах, пусни ме да си ходя.", "Стояне"),
        ("hu", "Zsolti intézte a szállást, és Zsoltiéknál laktunk tízen.", "Zsoltiék"),
    ],
)
def test_a_name_called_out_or_a_family_named_after_someone_goes(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("pl", "re: zgł.; pokrzywdzony T.W., l. 17, bez umowy.", "T.W."),
        ("pl", "re: zgł.; pokrzywdzony T.W., l. 17, bez umowy.", "17"),
        ("uk", "Справа: потерпіла О.К., 19 р., громадянка України.", "19"),
        ("hu", "Sértett: B. Zs. (15 éves), a nagynénje vitte ki.", "Zs."),
        ("en", "The client reports that Dona Fatima kept everyone's passports.", "Fatima"),
        ("hu", "A Napfény Segítő Alapítvány munkatársa segített nekünk.", "Napfény"),
    ],
)
def test_more_case_note_shorthand_goes(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Я жила разом з українками з Харкова, нас було шестеро."),
        ("pl", "W Europejski Dzień Walki z Handlem Ludźmi robimy akcję w szkołach."),
        ("hu", "A gyanúsított autója egy szürke Opel volt, holland rendszámmal."),
        ("en", "Key issues: housing tied to the job, no access to GP services."),
    ],
)
def test_nationalities_days_car_makes_and_services_stay(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("ar", "ذكرت الضحية أن صاحب المزرعة ع. س. كان يأخذ الرواتب", "ع. س."),
        ("hu", "Egy Pityu nevű ember toborzott minket a faluban.", "Pityu"),
        ("hu", "A sofőrt mindenki csak Kopasznak hívott.", "Kopasz"),
        ("ro", "Prietena ei, Larisa, avea 16. Nimeni n-a întrebat.", "16"),
        ("pl", "Jej siostra Magda miała 15. Nikt nie sprawdzał.", "15"),
    ],
)
def test_still_more_ways_to_point_at_someone_go(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "وصلت سنة 2020 م. إلى هولندا مع أخي"),
        ("pl", "Rok temu firma miała 12. pracowników na zmianie?"),
    ],
)
def test_a_year_of_the_common_era_and_an_ordinal_stay(scrub, lang, text):
    assert scrub(text, lang, "expert") == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("اشتغلت بمدينة صغيرة اسمها هوخفين في مغسل سيارات", "هوخفين", "مغسل"),
        ("جيت عن طريق وكالة اسمها Fast Flex Venlo. كان الشغل صعب", "Flex", "الشغل"),
        ("زول اسمو عبد الرحيم ود النور، هو اللي جابني", "النور", "اللي"),
        ("اسمي الكامل سلمى بنت يوسف الزين، من السودان", "الزين", "السودان"),
        ("أتابع ملف موكّلي ع. م. الحسني منذ سنة", "الحسني", "سنة"),
        ("w el ragel elly kan bysha8alna esmo 7amada el masry", "7amada", "ragel"),
    ],
)
def test_arabic_names_places_and_businesses_after_named_go(scrub, text, gone, kept):
    out = scrub(text, "ar", "expert")
    assert gone not in out
    assert kept in out


def test_never_knowing_the_real_name_is_no_name(scrub):
    text = "لم أعرف اسمه الحقيقي أبداً، كانوا يقولون له الريس"
    assert "أعرف اسمه الحقيقي أبداً" in scrub(text, "ar", "expert")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Хлопець із В'єтнаму працював у салоні, а інший із Вʼєтнаму на складі."),
        ("uk", "Я з Одеси, це на Дунаї; гроші приходили на Приват24."),
        ("ro", "Sunt din Moldova, raionul Cahul, și am lucrat 70 de ore pe săptămână."),
        ("pl", "Rozporządzenie UE 2024/1712 i Krajowy Sprawozdawca mówią to samo."),
        ("ro", "Ne ducea la muncă cu un Mercedes Vito, în fiecare dimineață."),
        ("bg", "Най-много случаи има в Северозапада и в Родопите."),
    ],
)
def test_countries_rivers_districts_laws_and_car_models_stay(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("hu", "Ügyfél: szül.: 1991. 04. 12., TAJ-számmal.", "1991"),
        ("es", "Cliente: mujer, nac. 12/03/1999, sin pasaporte.", "1999"),
    ],
)
def test_birth_dates_written_short_go(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


@pytest.mark.parametrize(
    "text", ["نقلونا كل يوم إلى مصنع اللحوم في المنطقة", "اشتغلت سنة في شركة التنظيف بدون عقد"]
)
def test_an_arabic_business_named_by_its_trade_only_stays(scrub, text):
    assert scrub(text, "ar", "expert") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("bg", "Сигнал: лице – жена, 23 г., българска гражданка.", "23"),
        ("uk", "Клієнтка, громадянка України, 31 р., без документів.", "31"),
        ("en", "Intake: F, 19, Romanian national, no contract.", "19"),
        ("hu", "Sértett: Kovács Ildikó (28 é.), szállás nélkül.", "28"),
        ("pl", "Syn urodził się w 2009, a pracował po 12 godzin.", "2009"),
        ("hu", "A lánya 2008-ban született, most is ott dolgozik.", "2008"),
    ],
)
def test_ages_and_birth_years_in_notes_go(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El Ministerio de Asuntos Sociales y Eurojust colaboran con nosotros."),
        ("en", "Intake hours: Mon to Thu, 09:30 to 17:00."),
    ],
)
def test_ministries_and_weekday_abbreviations_stay(scrub, lang, text):
    assert scrub(text, lang, "stakeholder") == text


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("es", "Al encargado le decían el Chino, aunque era de Honduras.", "el Chino"),
        ("nl", "Iedereen noemde hem de Turk, zijn echte naam weet ik niet.", "de Turk"),
    ],
)
def test_a_nickname_with_its_article_goes_whole_even_a_nationality(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "expert")


@pytest.mark.parametrize(
    ("lang", "text", "gone"),
    [
        ("nl", "Ik werkte twee jaar bij Slachterij Bakker & Zn. in de polder.", "Zn."),
        ("ro", "Cazare la ferma Champignons Van Utrecht, lângă sat.", "Champignons"),
        ("ar", "في ملجئنا الصغير (Stichting Huis van Licht) استقبلنا فتاة", "Licht"),
    ],
)
def test_a_business_with_a_family_name_a_dutch_suffix_or_in_arabic_goes(scrub, lang, text, gone):
    assert gone not in scrub(text, lang, "stakeholder")
