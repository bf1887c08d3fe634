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
