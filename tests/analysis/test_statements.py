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
        "Problemen:\n• Te weinig opvang.\n• Geen zicht op daders.\n- Lange wachtlijsten\n* Geld"
    )
    assert texts(source) == [
        "Problemen:\n• Te weinig opvang.",  # a lead-in alone says nothing: it goes with the first
        "Geen zicht op daders.",
        "Lange wachtlijsten",
        "Geld",
    ]


def test_inline_bullets_and_numbered_items_split():
    assert texts("Weinig alternatief: • Buurthuizen sluiten. • Lage lonen.") == [
        "Weinig alternatief: • Buurthuizen sluiten.",
        "Lage lonen.",
    ]
    assert texts("1. Meer opvang\n2. Betere training\na) voor politie") == [
        "Meer opvang",
        "Betere training",
        "voor politie",
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


def test_a_statement_has_at_most_three_sentences():
    source = "Er is een probleem. Dit is groot. Dit groeit. Dit blijft. Dit ook."
    statements = texts(source)
    assert statements[0] == "Er is een probleem. Dit is groot. Dit groeit."
    assert "".join(statements).replace(" ", "") == source.replace(" ", "")


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
