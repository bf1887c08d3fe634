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


def test_bidi_controls_inside_a_name_or_number_do_not_hide_it(scrub):
    assert scrub("Mijn collega Pie\u202eter Jan\u2066sen belde.", "nl") == (
        "Mijn collega [naam] belde."
    )
    assert scrub("Bel 06\u200e-4123\u202c4567 of mail.", "nl") == "Bel [telefoonnummer] of mail."
    assert (
        scrub("BSN 5645\u2060544\u200d92 staat erop.", "nl")
        == "BSN [identiteitsnummer] staat erop."
    )


def test_text_shown_reversed_by_an_override_is_read_as_shown(scrub):
    # the reader sees "06-41234567" and "Jan de Vries"; both go, override and all
    assert scrub("Bel \u202e76543214-60\u202c vandaag.", "nl") == "Bel [telefoonnummer] vandaag."
    assert scrub("Mijn collega \u202eseirV ed naJ\u202c belde.", "nl") == (
        "Mijn collega [naam] belde."
    )


def test_a_displayed_view_maps_back_to_the_written_order():
    raw = "Bel \u202e76543214-60\u202c nu"
    shown = NormalForm(raw).displayed()
    start = shown.text.index("06")
    assert shown.span(start, start + 11) == (4, 17)  # the override and the pop included
    assert NormalForm("geen pijltjes").displayed() is None
