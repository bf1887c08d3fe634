from dataclasses import replace

import pytest

from analysis.assignment import Assigner, Assignment
from analysis.codebook import Codebook
from analysis.codebook_formats import load_default_codebook
from analysis.languages import guess_language
from analysis.sentence_vectors import VectorCache, encoder, from_bytes, to_bytes

DATA_SHARING = {
    "nl": "Door de AVG durven organisaties geen gegevens over slachtoffers met elkaar te delen.",
    "en": "Because of the GDPR, organisations do not dare to share data about victims.",
    "pl": "Z powodu RODO organizacje boją się wymieniać danymi o ofiarach.",
    "ro": "Din cauza GDPR, organizațiile nu îndrăznesc să facă schimb de date despre victime.",
    "bg": "Заради GDPR организациите не смеят да споделят данни за жертвите.",
    "hu": "A GDPR miatt a szervezetek nem merik megosztani az áldozatok adatait.",
    "uk": "Через GDPR організації не наважуються обмінюватися даними про жертв.",
    "ar": "بسبب قوانين الخصوصية لا تجرؤ المنظمات على تبادل البيانات حول الضحايا.",
}


@pytest.fixture(scope="module")
def codebook():
    return load_default_codebook()


@pytest.fixture(scope="module")
def assigner(codebook):
    return Assigner(codebook)


def test_a_statement_gets_three_clusters_of_its_own_part(assigner):
    result = assigner.assign("Er is te weinig opvang voor mannelijke slachtoffers.", "2")
    assert isinstance(result, Assignment)
    assert len(result.clusters) == 3 == len(set(result.clusters))
    assert all(number.startswith("2.") for number in result.clusters)
    assert result.scores == sorted(result.scores, reverse=True)


def test_same_input_same_output(codebook, assigner):
    text = "Ketenpartners werken langs elkaar heen en delen geen informatie."
    first = assigner.assign(text, "2")
    assert Assigner(codebook).assign(text, "2") == first
    assert assigner.assign_many([(text, "2"), {"text": text, "chapter": "2"}]) == [first, first]


@pytest.mark.parametrize("lang", sorted(DATA_SHARING))
def test_data_sharing_lands_in_the_same_cluster_in_every_language(assigner, lang):
    result = assigner.assign(DATA_SHARING[lang], "2")
    assert result.clusters[0] == "2.11", result
    assert result.fits


def test_the_language_is_recognised_or_taken_as_given(assigner):
    assert guess_language(DATA_SHARING["pl"]) == "pl"
    assert guess_language(DATA_SHARING["uk"]) == "uk"
    assert guess_language(DATA_SHARING["bg"]) == "bg"
    given = assigner.assign(DATA_SHARING["pl"], "2", lang="pl")
    assert given == assigner.assign(DATA_SHARING["pl"], "2")


@pytest.mark.parametrize(
    "text", ["Het weer is mooi vandaag.", "Ik weet het niet.", "asdf qwerty", ""]
)
def test_a_statement_that_fits_no_cluster_says_so(assigner, text):
    assert not assigner.assign(text, "2").fits


def test_corrections_steer_later_assignments(codebook):
    text = "Webcamchantage van tieners groeit snel."
    before = Assigner(codebook).assign(text, "1")
    target = next(c.number for c in codebook.clusters("1") if c.number not in before.clusters)
    corrected = Assigner(codebook, [("Webcamchantage van tieners neemt toe.", target)])
    after = corrected.assign(text, "1")
    assert after.clusters[0] == target
    assert corrected.assign("Meer aandacht voor jongens als slachtoffer.", "3").clusters == (
        Assigner(codebook).assign("Meer aandacht voor jongens als slachtoffer.", "3").clusters
    )


def test_a_correction_in_one_language_helps_another(codebook):
    text = "Loverboys gebruiken Snapchat-filters om meisjes te lokken."
    assert Assigner(codebook).assign(text, "1").clusters[0] != "1.8"
    corrected = Assigner(codebook, [("Loverboys use Snapchat filters to lure girls.", "1.8")])
    assert corrected.assign(text, "1").clusters[0] == "1.8"


def test_unknown_part_is_an_error(assigner):
    with pytest.raises(KeyError):
        assigner.assign("Iets", "9")


def test_a_statement_gets_the_same_result_alone_or_among_others(assigner):
    texts = [
        ("Er is te weinig opvang voor mannelijke slachtoffers.", "2"),
        ("Meer samenwerking tussen gemeenten en politie.", "3"),
        ("Coraz więcej werbunku przez media społecznościowe.", "1"),
        ("Потрібно більше навчання для фахівців.", "4"),
    ]
    together = assigner.assign_many(texts * 3)
    assert together == [assigner.assign(text, chapter) for text, chapter in texts * 3]


def test_bulgarian_without_its_own_letters_is_not_taken_for_ukrainian():
    assert guess_language("Бях на петнадесет години, когато ме доведоха тук.") == "bg"
    assert guess_language("Мені було п'ятнадцять років, коли мене привезли сюди.") == "uk"


def test_with_sentence_vectors_a_translation_finds_the_cluster_of_its_meaning(codebook):
    cache = VectorCache(encoder())
    assert cache.on  # scripts/setup installs the optional package
    assigner = Assigner(codebook, vectors=cache)
    found = assigner.assign(
        "Partnerzy nie mogą wymieniać danych osobowych z powodu przepisów o prywatności.", "2"
    )
    assert "2.11" in found.clusters  # limited possibilities for data sharing


def test_stored_vectors_give_the_same_result_as_computed_ones(codebook):
    cache = VectorCache(encoder())
    assigner = Assigner(codebook, vectors=cache)
    text = "Gemeenten delen te weinig informatie met de politie."
    computed = assigner.assign_many([(text, "2")])
    kept = from_bytes(to_bytes(cache.vectors([text])[0]))
    stored = assigner.assign_many([(text, "2")], vectors=kept[None, :])
    assert stored[0].clusters == computed[0].clusters


def test_without_vectors_assignment_still_works_on_words(codebook):
    assigner = Assigner(codebook, vectors=VectorCache(None))
    found = assigner.assign("Er is te weinig gegevensuitwisseling tussen gemeenten.", "2")
    assert len(found.clusters) == 3 and found.clusters[0].startswith("2.")


def test_the_work_groups_decisions_steer_with_vectors_too(codebook):
    text = "Scholen zouden elk jaar een les over loverboys moeten geven."
    cache = VectorCache(encoder())
    plain = Assigner(codebook, vectors=cache).assign(text, "4")
    decided = Assigner(codebook, examples=[(text, "4.4")], vectors=cache).assign(text, "4")
    assert plain.clusters[0] != "4.4" and decided.clusters[0] == "4.4"


@pytest.fixture(scope="module")
def with_vectors(codebook):
    return Assigner(codebook, vectors=VectorCache(encoder()))


@pytest.mark.parametrize("lang", ["pl", "uk", "ro", "en"])
def test_with_sentence_vectors_data_sharing_comes_first_in_every_language(with_vectors, lang):
    result = with_vectors.assign(DATA_SHARING[lang], "2")
    assert result.clusters[0] == "2.11", result
    assert result.fits


@pytest.mark.parametrize(
    "text", ["Het weer is mooi vandaag.", "Pogoda jest dziś ładna.", "asdf qwerty", ""]
)
def test_with_sentence_vectors_an_off_topic_statement_still_fits_nothing(with_vectors, text):
    assert not with_vectors.assign(text, "2").fits


def test_a_new_cluster_with_only_keywords_draws_statements_in_other_languages(codebook):
    keywords = ("taalbarrière", "tolk", "tolken", "vertaling", "moedertaal", "interpreter")
    grown = codebook.added("4", "Nieuw thema", keywords=keywords)
    number = grown.clusters("4")[-1].number
    assigner = Assigner(grown, vectors=VectorCache(encoder()))
    for text in (
        "Ofiary często nie rozumieją języka, potrzebni są tłumacze podczas rozmów.",
        "Жертви часто не розуміють мови, тому потрібні перекладачі під час розмов.",
    ):
        assert assigner.assign(text, "4").clusters[0] == number


def test_a_codebook_without_keywords_still_assigns_with_sentence_vectors(codebook):
    bare = Codebook(
        tuple(
            replace(p, clusters=tuple(replace(c, keywords=()) for c in p.clusters))
            for p in codebook.parts
        ),
        codebook.name,
    )
    found = Assigner(bare, vectors=VectorCache(encoder())).assign(DATA_SHARING["pl"], "2")
    assert "2.11" in found.clusters and len(found.clusters) == 3
