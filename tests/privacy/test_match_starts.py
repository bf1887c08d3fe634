"""The faster compilation of long patterns (lookahead of possible starts, word lists as
tries) finds exactly what ``re`` finds: the same matches, in the same order, with the
same groups, so no finding of the pipeline can change because of it."""

import re

import pytest

from privacy import match_starts
from privacy.regex_tries import MIN_ALTERNATIVES

TEXTS = [
    "Ik was toen zeventien, mijn broertje twaalf. Anna (17) en Pavel, 29 jaar, uit Gouda.",
    "ab abc abd ABD Abd aB a b c ac acd ſ s S K k K ı i I İ ß ẞ ss",
    "the youngest was 13, the oldest maybe 19; started at 15 at age: 16",
    "Q: Hoe oud was je toen?\nA: Zestien.\n15 mei 2019, 3 maart, 1998-03-14",
    "",
    "   ...  ,,, 12345 one two twenty-one veintiún",
]

PATTERNS = [
    # the same words in an order where a shorter word comes first: the first wins
    ("(?:ab|a|abc|abd|ac|acd|b|c)", re.IGNORECASE),
    ("(?:a|ab|abc|ac|acd|b|bc|c)d?", 0),
    # letters that ignore-case matching ties together across alphabets
    ("(?:s|ſ|ss|ß|ẞ|k|K|K|i|ı|İ|I)+", re.IGNORECASE),
    ("(?:s|ſ|ss|ß|ẞ|k|K|K|i|ı|İ|I)+", 0),
    # groups, lookbehinds, boundaries, case switched off inside
    (r"(?<![\w.])(\d{1,2}|(?:one|two|twenty(?:-one)?))\s+(?-i:[A-Z]\w+|mei|maart)?", re.I),
    (r"\b(?:youngest|oldest|young|old)(?:\s+\w+){0,3}?\s+(\d+)(?=\s*[,;.]|\s*$)", re.I),
    (r"(?P<w>hoe oud|how old|hoe)[^\n]*\n[ \t]*(?:[^\W\d_]{1,15}[ \t]*:[ \t]*)?(\w+)", re.I),
    (r"(?<![\d.,/-])\d{1,2}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{2,4}|\d{4}-\d\d-\d\d", 0),
    # a pattern that can match the empty string is compiled as it is
    ("(?:a|b|c|d|e)*", 0),
]


@pytest.mark.parametrize("depth", [1, 4])
@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_same_matches_as_re(source, flags, depth):
    plain = re.compile(source, flags)
    fast = match_starts.compile(source, flags, depth)
    assert fast.pattern == plain.pattern
    assert fast.groupindex == plain.groupindex
    for text in TEXTS:
        for start in range(0, len(text) + 1, 7):
            want = [(m.span(), m.groups()) for m in plain.finditer(text, start)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text, start)] == want


def test_a_word_list_becomes_a_trie_with_the_same_matches():
    words = ["een", "eenentwintig", "twee", "tweeëntwintig", "elf", "drie", "dertien"]
    assert len(words) >= MIN_ALTERNATIVES
    source = r"\b(?:" + "|".join(words) + r")\b"
    text = "Eenentwintig, tweeëntwintig of elf; dertien en drie, een."
    plain = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    assert [m.span() for m in match_starts.compile(source, re.IGNORECASE).finditer(text)] == plain
    assert len(plain) == 6  # the whole words each time, not "een" in "eenentwintig"


def test_the_age_patterns_find_the_same_ages():
    from privacy.folding import fold
    from privacy.steps import ages

    fast = ages.compile_patterns()
    lazy = match_starts.Lazy
    try:
        match_starts.Lazy = lambda source, flags, depth=1: re.compile(source, flags)
        plain = ages.compile_patterns()
    finally:
        match_starts.Lazy = lazy
    assert isinstance(fast["nl"][0], lazy)
    text = fold(" ".join(TEXTS) + " Toen ik zeventien was. Mialem 15 lat. Aveam 16 ani.")
    for lang, (pattern, _ranges, _has_number) in fast.items():
        want = [(m.span(), m.groups()) for m in plain[lang][0].finditer(text)]
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == want
        assert want, lang
