"""Decomposed accents, odd spaces, full-width and look-alike letters are recognised,
and everything that is not removed comes back exactly as the participant wrote it."""

import unicodedata

from privacy.normal_form import NormalForm


def test_decomposed_names_are_found_and_the_rest_stays_as_written(deidentifier):
    text = unicodedata.normalize("NFD", "Hablé con José García ayer en Málaga.")
    result = deidentifier.deidentify(text, "es")
    assert result.text == unicodedata.normalize("NFD", "Hablé con [nombre] ayer en Málaga.")
    span = result.spans[0]
    assert result.text[span.start : span.end] == "[nombre]"


def test_composed_and_decomposed_text_give_the_same_quote_up_to_normalisation(deidentifier):
    composed = "Mijn collega Zoë Jansen uit Utrecht belde."
    decomposed = unicodedata.normalize("NFD", composed)
    assert deidentifier.deidentify(composed, "nl").text == "Mijn collega [naam] uit Utrecht belde."
    assert unicodedata.normalize("NFC", deidentifier.deidentify(decomposed, "nl").text) == (
        "Mijn collega [naam] uit Utrecht belde."
    )


def test_the_view_maps_every_offset_back_to_the_original():
    raw = "Jose\u0301\u00a0Garci\u0301a\u200b, ＠home"
    form = NormalForm(raw)
    assert form.text == "José García, @home"
    start = form.text.index("García")
    assert raw[form.original(start) : form.original_end(start + len("García"))] == "Garci\u0301a"
    assert form.original(len(form.text)) == len(raw)


def test_words_mixing_latin_and_cyrillic_letters_are_read_in_one_script():
    assert NormalForm("у Венлo").text == "у Венло"  # the last "o" was Latin
    assert NormalForm("Kоwalski").text == "Kowalski"  # a Cyrillic "о" inside


def test_plain_text_is_its_own_view():
    form = NormalForm("Bel mij op 06-41234567.")
    assert form.identical and form.original(5) == 5


def test_invisible_characters_do_not_hide_a_name(scrub):
    assert scrub("Mijn collega Pie\u200bter Jansen belde.", "nl") == "Mijn collega [naam] belde."
