"""The public interface: what the product and a participant see."""

import pytest

from privacy.pipeline import Redaction, Span, get_deidentifier


def test_get_deidentifier_returns_the_same_loaded_pipeline():
    assert get_deidentifier() is get_deidentifier()


def test_placeholders_are_in_the_language_of_the_text(deidentifier):
    dutch = deidentifier.deidentify("Bel mijn collega Jan de Vries op 06-41234567.", "nl")
    polish = deidentifier.deidentify("Proszę dzwonić do Agnieszki Nowak: +48 512 345 678.", "pl")
    assert dutch.text == "Bel mijn collega [naam] op [telefoonnummer]."
    assert "[numer telefonu]" in polish.text and "+48" not in polish.text


def test_spans_point_at_the_placeholders_and_never_hold_the_value(deidentifier):
    text = "Mail naar j.smit@politie.nl of bel +31 6 2345 6789."
    result = deidentifier.deidentify(text, "nl")
    assert isinstance(result, Redaction)
    assert [s.label for s in result.spans] == ["email", "phone"]
    for span in result.spans:
        assert isinstance(span, Span)
        assert result.text[span.start : span.end] in ("[e-mailadres]", "[telefoonnummer]")
    assert "smit" not in repr(result) and "2345" not in repr(result)


def test_the_same_person_keeps_the_same_number(scrub):
    text = "Jan de Vries belde Pieter Bakker. Later sprak Jan nog met Pieter."
    assert scrub(text, "nl") == ("[naam 1] belde [naam 2]. Later sprak [naam 1] nog met [naam 2].")


def test_one_person_gets_an_unnumbered_placeholder(scrub):
    assert scrub("Onze cliënt Ahmed El Amrani durft geen aangifte te doen.", "nl") == (
        "Onze cliënt [naam] durft geen aangifte te doen."
    )


def test_text_with_nothing_to_remove_is_returned_unchanged(deidentifier):
    text = (
        "In 2023 deden de NLA en het RIEC Rotterdam 40 controles; in 12% van de gevallen "
        "was er sprake van uitbuiting (art. 273f Sr). Meld het bij Veilig Thuis: 0800-2000."
    )
    result = deidentifier.deidentify(text, "nl")
    assert result.text == text and result.spans == [] and not result.changed


def test_language_is_detected_when_not_given(deidentifier):
    result = deidentifier.deidentify("Colega mea Ioana de la ANITP a identificat 30 de victime.")
    assert result.lang == "ro"
    assert result.text == "Colega mea [nume] de la ANITP a identificat 30 de victime."


def test_both_profiles_remove_quasi_identifiers_and_experts_every_date(scrub):
    # issue 8: a stakeholder's quote also loses the age, village and employer of a case
    text = "Ik was 16 toen ik via Kevin in Hoogezand bij uitzendbureau FlexPower Staffing kwam."
    assert scrub(text, "nl", "stakeholder") == (
        "Ik was [leeftijd] toen ik via [naam] in [plaats] bij uitzendbureau [werkgever] kwam."
    )
    dated = "Op 3 maart 2023 begon de controle."
    assert scrub(dated, "nl", "stakeholder") == dated
    assert scrub(dated, "nl", "expert") == "Op [datum] begon de controle."
    assert scrub(text, "nl", "expert") == (
        "Ik was [leeftijd] toen ik via [naam] in [plaats] bij uitzendbureau [werkgever] kwam."
    )


def test_cities_countries_and_public_bodies_stay_for_experts_too(scrub):
    text = "Ik kwam uit Roemenië naar Amsterdam; de IND en CoMensha hielpen me in Utrecht."
    assert scrub(text, "nl", "expert") == text


def test_unknown_profile_is_refused(deidentifier):
    with pytest.raises(ValueError, match="profile"):
        deidentifier.deidentify("tekst", "nl", "journalist")


def test_unsupported_language_gets_english_placeholders(deidentifier):
    result = deidentifier.deidentify("Ruf mich an: +31 6 2345 6789", "de")
    assert result.text == "Ruf mich an: [phone number]" and result.lang == "de"


def test_short_text_takes_the_participants_language_for_placeholders(deidentifier):
    short = deidentifier.deidentify("Bel me op 0612345678.", hint="nl")
    assert short.lang == "nl" and short.text == "Bel me op [telefoonnummer]."
    long_english = (
        "We see more and more young people recruited online, and my colleague can be "
        "reached on 0612345678 for the details of those cases."
    )
    assert deidentifier.deidentify(long_english, hint="nl").lang == "en"
