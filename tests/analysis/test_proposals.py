import pytest

from analysis.concepts import default_lexicon, dutch_names, fold
from analysis.languages import stopwords
from analysis.proposals import propose_clusters, similarity
from analysis.sentence_vectors import VectorCache, encoder

MALE_SHELTER = [
    "Er zijn te weinig opvangplekken voor mannelijke slachtoffers.",
    "There are not enough shelter places for male victims.",
    "Brakuje miejsc w schroniskach dla mężczyzn będących ofiarami.",
    "Voor jongens die slachtoffer zijn is er geen opvang.",
]
HALF = [
    "The waiting list for a place in a shelter is half a year long.",
    "Het bouwbedrijf betaalt de arbeiders maar half loon.",
    "Half of the girls never come back to school.",
]
TULIPS = [
    "Het weer is mooi vandaag en de tulpen bloeien.",
    "De tulpen bloeien weer volop in het mooie weer.",
    "Bij mooi weer bloeien de tulpen.",
]


@pytest.fixture(scope="module")
def cache():
    found = VectorCache(encoder())
    assert found.on  # scripts/setup installs the optional package
    return found


def _vectors(cache, texts):
    return list(cache.vectors(texts))


@pytest.mark.parametrize("with_vectors", [True, False])
def test_statements_alike_in_three_languages_become_one_proposal_named_in_dutch(
    cache, with_vectors
):
    texts = MALE_SHELTER + HALF
    vectors = _vectors(cache, texts) if with_vectors else None
    (proposal,) = propose_clusters(texts, vectors=vectors)
    assert proposal.members == (0, 1, 2, 3)
    assert "opvang" in proposal.keywords and "slachtoffers" in proposal.keywords
    assert proposal.title == proposal.title[:1].upper() + proposal.title[1:]


@pytest.mark.parametrize("with_vectors", [True, False])
def test_an_english_and_a_dutch_sentence_sharing_only_half_are_never_grouped(cache, with_vectors):
    vectors = _vectors(cache, HALF) if with_vectors else None
    assert propose_clusters(HALF, vectors=vectors) == []
    alike = similarity(HALF[:2], vectors=vectors[:2] if vectors else None)
    assert alike[0, 1] < 0.2


def test_two_statements_alike_are_no_proposal(cache):
    texts = MALE_SHELTER[:2] + HALF
    assert propose_clusters(texts, vectors=_vectors(cache, texts)) == []


def test_one_statement_never_chains_two_unrelated_groups(cache):
    texts = MALE_SHELTER[:2] + ["Mannelijke slachtoffers van arbeidsuitbuiting krijgen geen loon."]
    texts += ["Arbeidsuitbuiting in de bouw: het loon wordt niet betaald.", HALF[1]]
    for proposal in propose_clusters(texts, vectors=_vectors(cache, texts)):
        assert not {0, 1} <= set(proposal.members) or not {3, 4} & set(proposal.members)


def test_a_subject_the_lexicon_does_not_know_is_grouped_by_meaning_and_named_by_dutch_words(
    cache,
):
    texts = TULIPS + HALF
    (proposal,) = propose_clusters(texts, vectors=_vectors(cache, texts))
    assert proposal.members == (0, 1, 2)
    assert {"tulpen", "bloeien"} <= set(proposal.keywords)
    assert propose_clusters(texts) == []  # without vectors: no concept, no meaning, no group


def test_names_are_never_function_words(cache):
    dutch_stop = {fold(w) for w in stopwords()["nl"]}
    texts = MALE_SHELTER + TULIPS + HALF
    for proposal in propose_clusters(texts, vectors=_vectors(cache, texts)):
        assert len(proposal.keywords) >= 2
        assert not any(fold(word) in dutch_stop for word in proposal.keywords)


def test_every_concept_has_a_dutch_name_that_is_no_function_word():
    names = dutch_names()
    dutch_stop = {fold(w) for w in stopwords()["nl"]}
    assert default_lexicon().concepts() - set(names) == {"few"}  # too general to name a group
    assert not [n for n in names.values() if fold(n) in dutch_stop]


def test_same_input_same_proposals(cache):
    texts = MALE_SHELTER + TULIPS + HALF
    vectors = _vectors(cache, texts)
    assert propose_clusters(texts, vectors=vectors) == propose_clusters(texts, vectors=vectors)
    assert propose_clusters([]) == []
