import random

import pytest

from analysis.statements import Statement, split_statements


def texts(source: str) -> list[str]:
    statements = split_statements(source)
    for s in statements:
        assert source[s.start : s.end] == s.text
    return [s.text for s in statements]


def test_every_statement_is_the_literal_span_it_claims():
    fragments = [
        "Er is te weinig samenwerking.",
        "Dit komt door de AVG.",
        "o.a. bij de politie",
        "• eerste punt",
        "- tweede punt",
        "1) derde punt",
        "\n",
        "\n\n",
        "  ",
        "art. 273f Sr",
        "1.000 signalen",
        "zie www.example.nl/pagina.",
        "[naam] zei het.",
        "Waarom?",
        "Slachtoffers zijn bang!",
        "bijv. jongeren",
        "“Geringste signaal”.",
        "Dhr. [naam]",
        "Ofiary boją się zgłaszać.",
        "Жертвите се страхуват.",
        "الضحايا خائفون.",
        "\t",
    ]
    generator = random.Random(7)
    for _ in range(400):
        source = " ".join(generator.choice(fragments) for _ in range(generator.randint(0, 12)))
        statements = split_statements(source)
        previous_end = 0
        for s in statements:
            assert isinstance(s, Statement)
            assert source[s.start : s.end] == s.text
            assert s.text == s.text.strip()
            assert s.start >= previous_end
            previous_end = s.end


def test_each_bullet_is_its_own_statement_without_its_marker():
    source = (
        "Problemen:\n• Te weinig opvang.\n• Geen zicht op daders.\n- Wachtlijsten zijn veel te lang"
    )
    assert texts(source) == [
        "Problemen:\n• Te weinig opvang.",  # a lead-in alone says nothing: it goes with the first
        "Geen zicht op daders.",
        "Wachtlijsten zijn veel te lang",
    ]


def test_bullets_of_a_few_words_stay_with_their_list():
    # "Geld" alone is no quote a reader understands; with its list it is
    source = "Problemen:\n• Geen zicht op daders.\n- Lange wachtlijsten\n* Geld"
    assert texts(source) == [source]
    assert texts("1. Meer opvang\n2. Betere training\na) voor politie") == [
        "Meer opvang\n2. Betere training\na) voor politie"
    ]


def test_inline_bullets_and_numbered_items_split():
    assert texts("Weinig alternatief: • Buurthuizen sluiten vroeg. • De lonen zijn te laag.") == [
        "Weinig alternatief: • Buurthuizen sluiten vroeg.",
        "De lonen zijn te laag.",
    ]
    assert texts("1. Meer opvang voor jongens\n2. Betere training voor de politie") == [
        "Meer opvang voor jongens",
        "Betere training voor de politie",
    ]


def test_paragraphs_are_separate_statements():
    source = "Er is meer aandacht voor uitbuiting.\n\nGemeenten hebben nu beleid."
    assert texts(source) == ["Er is meer aandacht voor uitbuiting.", "Gemeenten hebben nu beleid."]


def test_a_wrapped_line_stays_in_its_sentence():
    source = "Slachtoffers van criminele uitbuiting worden\nte vaak als dader gezien."
    assert texts(source) == [source]


@pytest.mark.parametrize(
    "source",
    [
        "Samenwerking met o.a. de politie en bijv. gemeenten moet beter.",
        "Het gaat om art. 273f Sr en de uitvoering daarvan.",
        "Dhr. [naam] van de gemeente heeft al 1.000 signalen gezien.",
        "Meer info op www.example.nl/mensenhandel. Ook voor ouders.",
        "Zaken i.p.v. losse signalen, t.b.v. de vervolging.",
        "Het gaat om ca. 5.000 slachtoffers per jaar, aldus de rapporteur e.a. onderzoekers.",
        "Zie https://www.politie.nl/aangifte. Daar kan het.",
        "Dr. J. de Vries zegt dat het toeneemt.",
    ],
)
def test_abbreviations_numbers_urls_and_placeholders_do_not_cut_a_sentence(source):
    assert texts(source) == [source]


def test_a_new_point_starts_a_new_statement_and_a_continuation_stays():
    source = (
        "Als gevolg van corona is mensenhandel digitaal geworden. Dit is een nieuwe vorm. "
        "Gemeenten hebben geen zicht op sociale media."
    )
    assert texts(source) == [
        "Als gevolg van corona is mensenhandel digitaal geworden. Dit is een nieuwe vorm.",
        "Gemeenten hebben geen zicht op sociale media.",
    ]


def test_continuations_in_other_languages():
    source = (
        "Victims are afraid to report. This is because they fear losing their job. "
        "Police need more training on labour exploitation."
    )
    assert texts(source) == [
        "Victims are afraid to report. This is because they fear losing their job.",
        "Police need more training on labour exploitation.",
    ]


def test_a_chain_of_back_references_stays_whole_up_to_a_ceiling():
    source = "Er is een probleem. Dit is groot. Dit groeit. Dit blijft. Dit ook."
    assert texts(source) == [source]
    longer = source + " Dit nog. Dit weer. Dit steeds."
    statements = texts(longer)
    assert statements[0] == source + " Dit nog."
    assert "".join(statements).replace(" ", "") == longer.replace(" ", "")


def test_fragments_join_at_most_three_sentences():
    source = "Er is een probleem. Heel groot. Heel erg. Echt waar. Gemeenten doen er niets aan."
    assert texts(source) == [
        "Er is een probleem. Heel groot. Heel erg.",
        "Echt waar. Gemeenten doen er niets aan.",
    ]


def test_a_very_long_sentence_stays_whole():
    source = "Professionals " + ", ".join(["weten niet hoe ze signalen herkennen"] * 40) + "."
    assert texts(source) == [source]


def test_questions_exclamations_and_other_scripts():
    assert texts("Wat kunnen wij bieden? Weinig! Er is geen opvang voor jongens.") == [
        "Wat kunnen wij bieden? Weinig!",
        "Er is geen opvang voor jongens.",
    ]
    assert texts("Жертвите се страхуват да подадат сигнал.\nНяма доверие в полицията.") == [
        "Жертвите се страхуват да подадат сигнал.",
        "Няма доверие в полицията.",
    ]


def test_nothing_to_quote_gives_no_statements():
    assert split_statements("") == []
    assert split_statements("  \n\n • \n - ") == []


def quotes_and_remarks(source: str) -> tuple[list[str], list[str]]:
    statements = split_statements(source)
    return (
        [s.text for s in statements if s.quotable],
        [s.text for s in statements if not s.quotable],
    )


@pytest.mark.parametrize(
    "source",
    [
        "Jongeren belanden in de jeugdzorg. Daar verliezen we ze uit het oog.",
        "Er is te weinig opvang.\nDaardoor slapen slachtoffers op straat.",
        "Er is te weinig opvang\nvoor mannen die slachtoffer zijn.",
        "She came to work in a warehouse. Her name was [naam] and nobody asked about her.",
        "Ofiary nie zgłaszają się na policję. Dlatego sprawcy pozostają bezkarni.",
        "Victimele nu merg la poliție. Acest lucru le lasă fără protecție.",
        "Жертви не звертаються до поліції. Тому злочинці залишаються безкарними.",
        "Az áldozatok nem mennek a rendőrségre. Ezért a tettesek büntetlenek maradnak.",
    ],
)
def test_a_sentence_that_refers_back_stays_with_the_one_it_refers_to(source):
    assert texts(source) == [source]


def test_greetings_and_thanks_are_kept_but_are_no_quote():
    quotes, remarks = quotes_and_remarks(
        "Hoi!\n\nEr is te weinig opvang voor jongens.\n\nBedankt voor deze consultatie."
    )
    assert quotes == ["Er is te weinig opvang voor jongens."]
    assert remarks == ["Hoi!", "Bedankt voor deze consultatie."]
    assert quotes_and_remarks("Thank you for asking! Victims need safe housing first.") == (
        ["Victims need safe housing first."],
        ["Thank you for asking!"],
    )


def test_a_thank_you_that_goes_on_to_say_something_is_a_quote():
    source = "Bedankt voor de vraag, maar er is echt te weinig opvang."
    assert quotes_and_remarks(source) == ([source], [])


@pytest.mark.parametrize("source", ["hoi", "Nee.", "geen idee", "Geld", "Дякую!", "n.v.t."])
def test_a_one_word_or_empty_reply_is_no_quote(source):
    statements = split_statements(source)
    assert len(statements) == 1 and not statements[0].quotable


def test_a_short_answer_that_says_something_is_a_quote():
    assert quotes_and_remarks("Meer opvang nodig.") == (["Meer opvang nodig."], [])
    assert quotes_and_remarks("Is er genoeg opvang? Nee.") == (["Is er genoeg opvang? Nee."], [])


@pytest.mark.parametrize(
    "source",
    [
        "Andere partners hebben ook instrumenten. Denk aan bevoegdheden van de IND en de "
        "Belastingdienst.",
        "Partners have tools of their own. For example, the tax office can close a business.",
        "Partnerzy mają własne narzędzia. Na przykład urząd skarbowy może zamknąć firmę.",
        "Partenerii au propriile instrumente. De exemplu, fiscul poate închide o firmă.",
    ],
)
def test_an_example_sentence_stays_with_the_point_it_illustrates(source):
    assert texts(source) == [source]


@pytest.mark.parametrize(
    "source",
    [
        "Jongeren worden online benaderd. Voor hen is dit vaak niet te herkennen.",
        "Young people are approached online. For them this is often hard to recognise.",
        "Jongeren durven geen aangifte te doen. Vaak zijn ze bang voor de daders.",
    ],
)
def test_a_sentence_referring_back_in_its_first_words_stays_with_what_it_refers_to(source):
    assert texts(source) == [source]


def test_a_new_point_without_a_back_reference_is_a_statement_of_its_own():
    source = "Er zijn te weinig opvangplekken. Gemeenten delen geen gegevens met de politie."
    assert texts(source) == [
        "Er zijn te weinig opvangplekken.",
        "Gemeenten delen geen gegevens met de politie.",
    ]
