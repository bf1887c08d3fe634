"""A consultation's questions, as data: wording per language and role, and where answers go.

A question set has any number of questions (asked in order, numbered from 1), the parts of
the bloemlezing in document order (each fed by one question), and the questions whose answers
go to a document of their own (the action plan). The 2022 set is the default
(``questionsets/default.yaml``); a facilitator may write their own (``read_question_set``),
and a bad file gets an error naming the line and the problem.

A consultation stores its set when it is created (``to_record``/``from_record``), so
changing the default later never changes what an earlier round asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from analysis.marked_yaml import MarkedYaml
from locales import registry

DEFAULT_FILE = Path(__file__).with_name("questionsets") / "default.yaml"
ROLES = ("stakeholder", "expert")
MAX_QUESTIONS = 20
MAX_WORDING = 500  # characters: a question must fit a phone screen


class QuestionSetError(ValueError):
    """A question set that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Question:
    number: int  # its place in the set, from 1
    key: str  # a short name, stable within the set ("trends")
    text: Mapping[str, str]  # language -> wording
    expert: Mapping[str, str]  # language -> plainer wording for experience experts ({}: text)

    def wording(self, lang: str | None, role: str = "stakeholder") -> str:
        """In ``lang`` for ``role``, falling back to English, then Dutch."""
        source = self.expert if role == "expert" and self.expert else self.text
        for code in (lang, "en", registry.SOURCE):
            if code and source.get(code):
                return source[code]
        return next(iter(source.values()))


@dataclass(frozen=True)
class Part:
    number: str  # "1", "2", ...: its place in the document
    question: int  # the question whose answers feed it
    title: Mapping[str, str]


@dataclass(frozen=True)
class QuestionSet:
    name: str
    questions: tuple[Question, ...]
    parts: tuple[Part, ...]
    separately: tuple[int, ...]  # question numbers whose answers go to their own document
    codebook: str = ""  # "default": the 2022 clusters; "": one general cluster per part

    def __len__(self) -> int:
        return len(self.questions)

    def question(self, number: int) -> Question:
        return self.questions[number - 1]

    @property
    def numbers(self) -> range:
        return range(1, len(self.questions) + 1)


# the record a consultation keeps -----------------------------------------------------------


def to_record(questions: QuestionSet) -> dict:
    return {
        "name": questions.name,
        "codebook": questions.codebook,
        "questions": [
            {"key": q.key, "text": dict(q.text), "expert": dict(q.expert)}
            for q in questions.questions
        ],
        "parts": [{"question": p.question, "title": dict(p.title)} for p in questions.parts],
        "separately": list(questions.separately),
    }


def from_record(record: dict) -> QuestionSet:
    if "questions" not in record:  # stored before question sets: {"1": {"nl": ...}, ...}
        return _upgraded(record)
    questions = tuple(
        Question(number, q["key"], q["text"], q.get("expert") or {})
        for number, q in enumerate(record["questions"], start=1)
    )
    parts = tuple(
        Part(str(number), p["question"], p["title"])
        for number, p in enumerate(record["parts"], start=1)
    )
    return QuestionSet(
        record.get("name", ""),
        questions,
        parts,
        tuple(record.get("separately", ())),
        record.get("codebook", ""),
    )


def _upgraded(legacy: dict) -> QuestionSet:
    """An early consultation asked the default questions, its own wording per language."""
    default = default_set()
    questions = tuple(
        Question(q.number, q.key, legacy.get(str(q.number)) or q.text, q.expert)
        for q in default.questions
    )
    return QuestionSet(default.name, questions, default.parts, default.separately, "default")


# files -------------------------------------------------------------------------------------


@cache
def default_set() -> QuestionSet:
    return parse_question_set(DEFAULT_FILE.read_text(encoding="utf-8"), DEFAULT_FILE.name)


def default_text() -> str:
    """The default set's file, comments and all: the starting point for a set of one's own."""
    return DEFAULT_FILE.read_text(encoding="utf-8")


def read_question_set(path: str | Path) -> QuestionSet:
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise QuestionSetError(f"{path}: no such file") from None
    except OSError as exc:
        raise QuestionSetError(f"{path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise QuestionSetError(f"{path.name}: not UTF-8 text (byte {exc.start})") from None
    return parse_question_set(text, path.name)


def parse_question_set(text: str, name: str = "questions.yaml") -> QuestionSet:
    doc = MarkedYaml(name, QuestionSetError)
    root = doc.root(text)
    top = doc.mapping(
        root,
        {"name", "codebook", "questions", "parts", "separately"},
        required={"questions", "parts"},
    )
    questions, keys = _questions(doc, top["questions"])
    parts, fed = _parts(doc, top["parts"], keys)
    separately = []
    for node in doc.sequence(top["separately"]) if "separately" in top else []:
        number = _known(doc, node, keys)
        if number in fed or number in separately:
            raise doc.error(node, f"question {doc.scalar(node)!r} already has a place")
        separately.append(number)
    for question in questions:
        if question.number not in fed and question.number not in separately:
            raise doc.error(
                top["questions"].value[question.number - 1],
                f"question {question.key!r} feeds no part and is not listed under 'separately':"
                " its answers would go nowhere",
            )
    codebook = doc.scalar(top["codebook"]) if "codebook" in top else ""
    if codebook not in ("", "default"):
        raise doc.error(top["codebook"], f"codebook is 'default' or left out, not {codebook!r}")
    label = doc.scalar(top["name"]) if "name" in top else ""
    return QuestionSet(label, questions, parts, tuple(separately), codebook)


def _questions(doc: MarkedYaml, node: yaml.Node) -> tuple[tuple[Question, ...], dict[str, int]]:
    items = doc.sequence(node)
    if not items:
        raise doc.error(node, "a question set needs at least one question")
    if len(items) > MAX_QUESTIONS:
        raise doc.error(node, f"at most {MAX_QUESTIONS} questions, not {len(items)}")
    questions, keys = [], {}
    for number, item in enumerate(items, start=1):
        fields = doc.mapping(item, {"key", "text", "expert"}, required={"key", "text"})
        key = doc.scalar(fields["key"])
        if not key or not key.replace("_", "").replace("-", "").isalnum():
            raise doc.error(fields["key"], f"a key is a short name of letters and digits: {key!r}")
        if key in keys:
            raise doc.error(fields["key"], f"key {key!r} is used twice")
        keys[key] = number
        text = _wording(doc, fields["text"])
        expert = _wording(doc, fields["expert"]) if "expert" in fields else {}
        questions.append(Question(number, key, text, expert))
    return tuple(questions), keys


def _parts(doc: MarkedYaml, node: yaml.Node, keys: dict[str, int]) -> tuple[tuple[Part, ...], set]:
    parts, fed = [], set()
    for number, item in enumerate(doc.sequence(node), start=1):
        fields = doc.mapping(item, {"question", "title"}, required={"question", "title"})
        question = _known(doc, fields["question"], keys)
        if question in fed:
            raise doc.error(fields["question"], "one question feeds one part")
        fed.add(question)
        parts.append(Part(str(number), question, _wording(doc, fields["title"])))
    return tuple(parts), fed


def _known(doc: MarkedYaml, node: yaml.Node, keys: dict[str, int]) -> int:
    key = doc.scalar(node)
    if key not in keys:
        raise doc.error(node, f"no question with key {key!r} (known: {', '.join(keys)})")
    return keys[key]


def _wording(doc: MarkedYaml, node: yaml.Node) -> dict[str, str]:
    if isinstance(node, yaml.ScalarNode):
        node_text = {registry.SOURCE: doc.scalar(node)}
        fields = {registry.SOURCE: node}
    else:
        fields = doc.mapping(node, set(registry.codes()), required={registry.SOURCE})
        node_text = {lang: doc.scalar(value) for lang, value in fields.items()}
    for lang, value in node_text.items():
        if not value:
            raise doc.error(fields[lang], f"the {lang} wording is empty")
        if len(value) > MAX_WORDING:
            raise doc.error(fields[lang], f"longer than {MAX_WORDING} characters")
    return node_text
