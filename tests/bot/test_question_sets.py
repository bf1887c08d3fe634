"""A consultation with its own question set, from a YAML file to the Word document, through
the real runtime: its questions asked (experts in their own wording), its parts exported."""

from __future__ import annotations

import docx

from bot.cli import main
from consultation import consultations, export
from consultation.questions import read_question_set

QUESTIONS = """\
name: Ronde arbeidsuitbuiting
questions:
  - key: signals
    text:
      nl: Welke signalen van arbeidsuitbuiting ziet u in uw werk?
      en: Which signs of labour exploitation do you see in your work?
    expert:
      nl: Wat heeft u zelf gezien of meegemaakt op het werk?
      en: What did you see or go through yourself at work?
  - key: help
    text:
      nl: Wat helpt slachtoffers het meest?
      en: What helps victims most?
  - key: offer
    text:
      nl: Wat wilt u zelf aanbieden?
      en: What would you like to offer?
parts:
  - question: signals
    title: {nl: Signalen, en: Signs}
  - question: help
    title: {nl: Wat helpt, en: What helps}
separately: [offer]
"""


def _document_text(path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


async def test_own_question_set_from_file_to_word(setup, tmp_path):
    path = tmp_path / "vragen.yaml"
    path.write_text(QUESTIONS, encoding="utf-8")
    core = setup.app.core
    consultation = consultations.create(
        core, "Ronde 2", "2026-12-10", questions=read_question_set(path)
    )
    invite = lambda role: setup.app.store.invites.create(consultation.id, role)  # noqa: E731

    stakeholder = setup.server.user(601, language_code="en")
    await stakeholder.send(f"/start {invite('stakeholder')}")
    await stakeholder.press("✓ English")
    await stakeholder.press("I agree")
    await stakeholder.press("Skip")
    assert "Question 1 of 3" in stakeholder.last_bot_text()
    assert (
        "Which signs of labour exploitation do you see in your work?" in stakeholder.last_bot_text()
    )
    for answer in ("Workers sleep in the greenhouse.", "A place to stay helps most.", "Training."):
        await stakeholder.send(answer)
        await stakeholder.press("Done ✓")
    await stakeholder.press("Submit my answers")

    expert = setup.server.user(602, language_code="nl")
    await expert.send(f"/start {invite('expert')}")
    await expert.press("✓ Nederlands")
    await expert.press("Ik ga akkoord")
    assert "Vraag 1 van 3" in expert.last_bot_text()
    assert "Wat heeft u zelf gezien of meegemaakt op het werk?" in expert.last_bot_text()
    assert "organisatie" not in expert.last_bot_text()
    await expert.send("We werkten zeven dagen per week zonder pauze.")
    await expert.press("Klaar ✓")
    await expert.press("Overslaan")
    await expert.press("Overslaan")
    await expert.press("Mijn antwoorden insturen")

    out = tmp_path / "ronde.docx"
    written = export.export(core, consultation.id, "docx", out).files
    assert [p.name for p in written] == ["ronde.docx", "ronde-bijdragen.docx"]
    text = _document_text(out)
    assert "Signalen" in text and "Wat helpt" in text
    for default_part in ("Trends en ontwikkelingen", "Problemen en oorzaken", "Ambities"):
        assert default_part not in text
    assert "We werkten zeven dagen per week zonder pauze." in text
    assert "A place to stay helps most." in text
    assert "Training." not in text  # the third question goes to the separate document
    assert "Training." in _document_text(tmp_path / "ronde-bijdragen.docx")


def test_a_bad_question_file_names_the_line_and_creates_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "q.db"))
    monkeypatch.setenv("RONDETAFEL_SECRET", "a-long-enough-secret-for-this-test")
    bad = tmp_path / "vragen.yaml"
    bad.write_text(QUESTIONS.replace("  - question: help\n", "  - question: hulp\n"))
    code = main(["consultation", "create", "--title", "R", "--questions", str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "rondetafel: vragen.yaml: line 21, column 15: no question with key 'hulp'"
    )
    assert err.count("\n") == 1
    main(["consultation", "list"])
    assert "no consultations yet" in capsys.readouterr().out


def test_the_default_set_is_a_starting_point_that_reads_back(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RONDETAFEL_DB", str(tmp_path / "q.db"))
    out = tmp_path / "vragen.yaml"
    assert main(["questions", "export", "--out", str(out)]) == 0
    questions = read_question_set(out)
    assert len(questions) == 5 and [p.question for p in questions.parts] == [1, 3, 2, 4]
    assert questions.separately == (5,)
    assert "organisation" not in questions.question(5).wording("en", "expert")
    assert questions.question(5).wording("nl", "stakeholder") == (
        "Wat zou u of uw organisatie kunnen bijdragen?"
    )
