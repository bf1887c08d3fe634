"""What a statement says about its writer: nationality, age range, place, sector."""

from __future__ import annotations

import pytest

from privacy.self_description import Trait, get_self_description


def traits(text: str, lang: str) -> set[tuple[str, str]]:
    return {(t.kind, t.value) for t in get_self_description().traits(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "I came from Poland to work in the greenhouses.",
            "en",
            {("nationality", "PL"), ("sector", "agriculture")},
        ),
        (
            "Ik werkte in een slachterij in Brabant.",
            "nl",
            {("sector", "meat"), ("place", "brabant")},
        ),
        (
            "Аз съм от България и работех в кланица.",
            "bg",
            {("nationality", "BG"), ("sector", "meat")},
        ),
        (
            "Jestem z Polski i pracowałam w szklarni.",
            "pl",
            {("nationality", "PL"), ("sector", "agriculture")},
        ),
        ("أنا من سوريا وعملت في مزرعة", "ar", {("nationality", "SY"), ("sector", "agriculture")}),
        (
            "Toen ik minderjarig was, werkte ik in een nagelstudio.",
            "nl",
            {("age", "minor"), ("sector", "beauty")},
        ),
        (
            "I was 20-25 years old and cleaning offices at night.",
            "en",
            {("age", "20"), ("sector", "cleaning")},
        ),
    ],
)
def test_what_a_writer_says_about_themselves(text, lang, expected):
    assert traits(text, lang) == expected


def test_others_described_are_nobody_who_took_part():
    # no first person: a police officer about workers, not about themselves
    assert traits("Poolse arbeidsmigranten werken in de kassen in het Westland.", "nl") == set()
    assert Trait("nationality", "PL") in get_self_description().mentions(
        "Poolse arbeidsmigranten werken in de kassen.", "nl"
    )


def test_everyday_words_are_no_nationality():
    assert traits("De politie en het beleid van de gemeente hielpen mij.", "nl") == set()
    assert traits("I spoke no Dutch and no English when I arrived.", "en") == set()
