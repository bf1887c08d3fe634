import io
import json

import pytest

from exporters.assign_cli import main as assign_main
from exporters.assignment import Assigner, Assignment
from exporters.codebook import load_default_codebook
from exporters.concepts import default_lexicon
from exporters.languages import guess_language
from exporters.proposals import propose_clusters

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


def test_every_language_has_words_for_every_concept():
    lexicon = default_lexicon()
    assert set(lexicon.languages) >= {"nl", "en", "pl", "ro", "bg", "hu", "uk", "ar"}
    for lang in lexicon.languages:
        assert lexicon.concepts(lang) == lexicon.concepts("nl"), lang
    victim = {"nl": "slachtoffers", "pl": "ofiarami", "bg": "жертвите", "ar": "الضحايا"}
    for lang, word in victim.items():
        assert "victim" in lexicon.of_word(word, lang)


def test_unfit_statements_are_grouped_and_named_by_their_words():
    texts = [
        "Webcams worden gebruikt voor chantage van jongeren.",
        "De huurprijzen van woningen stijgen enorm.",
        "Chantage met naaktbeelden via webcams neemt toe.",
        "Woningen zijn onbetaalbaar, de huurprijzen te hoog.",
        "Sextortion via webcams en chantage.",
    ]
    proposals = propose_clusters(texts)
    assert [p.members for p in proposals] == [(0, 2, 4), (1, 3)]
    assert set(proposals[0].keywords) >= {"webcams", "chantage"}
    assert "huurprijzen" in proposals[1].title.lower()
    assert propose_clusters(texts) == proposals
    assert propose_clusters([]) == []


def run_cli(lines, *args):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    code = assign_main(list(args), stdin, out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def test_cli_writes_top_three_per_statement():
    code, rows, _ = run_cli(
        [
            {"id": "a1", "text": DATA_SHARING["nl"], "chapter": "2"},
            {"id": 7, "text": DATA_SHARING["pl"], "chapter": 2},
        ]
    )
    assert code == 0
    assert [r["id"] for r in rows] == ["a1", 7]
    assert rows[0]["clusters"][0] == rows[1]["clusters"][0] == "2.11"
    assert set(rows[0]) == {"id", "clusters", "scores"} and len(rows[0]["scores"]) == 3


def test_cli_uses_the_codebook_and_corrections_given(tmp_path, codebook):
    path = tmp_path / "codebook.yaml"
    codebook.renamed("2.11", "Privacy").merged("2.23", into="2.11").write(path)
    corrections = tmp_path / "corrections.jsonl"
    corrections.write_text(
        json.dumps({"text": "Geen prioriteit bij de gemeente.", "cluster": "2.19"}) + "\n",
        encoding="utf-8",
    )
    code, rows, _ = run_cli(
        [{"id": 1, "text": "Ketenpartners werken niet samen.", "chapter": "2"}],
        "--codebook",
        str(path),
        "--examples",
        str(corrections),
    )
    assert code == 0 and "2.23" not in rows[0]["clusters"]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], "line 1, column 2"),
        ([json.dumps({"id": 1, "text": "x"})], "line 1: missing 'chapter'"),
        (
            [
                json.dumps({"id": 1, "text": "x", "chapter": "2"}),
                json.dumps({"id": 2, "text": "y", "chapter": "5"}),
            ],
            "line 2: chapter '5'",
        ),
    ],
)
def test_cli_refuses_bad_input_before_writing_anything(lines, message):
    out, err = io.StringIO(), io.StringIO()
    code = assign_main([], io.StringIO("\n".join(lines) + "\n"), out, err)
    assert code == 2 and out.getvalue() == "" and message in err.getvalue()


def test_cli_reports_a_damaged_codebook(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_text("part;number;title_nl\n1;1.x;Oeps\n", encoding="utf-8")
    code, rows, err = run_cli([], "--codebook", str(path))
    assert code == 2 and rows == [] and "line 2" in err
