"""Where a long regular expression can start a match, so that it is tried only there.

Python's ``re`` tries every alternative of a long alternation at every position of the
text (the age patterns of a language have dozens, each a list of words).
``compile(source, flags)`` reads the pattern's syntax tree and puts a short lookahead in
front of it: the
characters a match can start with, each with what the pattern asks right there (a word
boundary, no letter before it, case or no case). At a position where no match can start
the lookahead fails at once; where one can, the pattern runs exactly as before. A
lookahead consumes nothing and captures nothing, so the matches, their groups and the
order in which ``finditer`` finds them are the same. A pattern that can match the empty
string or uses something this reading does not know is returned unchanged.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _constants as C  # noqa: N812
    from re import _parser as P  # noqa: N812
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse as P  # type: ignore[no-redef]  # noqa: N812

from privacy.regex_tries import rewrite

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = tuple(
    op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op
)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_IGNORECASE = int(re.IGNORECASE)  # plain ints: flag enums are slow to combine
_DOTALL = int(re.DOTALL)

# A path: the regex tokens a match starts with (characters, word boundaries, one-character
# lookbehinds), and whether the element it was read from may end right after them.
_Path = tuple[tuple[str, ...], bool]
DEPTH = 1  # characters read per path (more rarely pays: the lookahead grows; the age
# patterns, which can start at nearly every word, read four: 1.5x faster)


def _char(code: int) -> str:
    return re.escape(chr(code))


def _in_set(items: list) -> str | None:
    negate = ""
    parts = []
    for op, av in items:
        if op is C.NEGATE:
            negate = "^"
        elif op is C.LITERAL:
            parts.append(_char(av))
        elif op is C.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return f"[{negate}{''.join(parts)}]"


def _one_char(op, av, flags: int) -> str | None:
    """A pattern element that reads one character, as source with its case (or None)."""
    if op is C.LITERAL:
        chars = _char(av)
    elif op is C.NOT_LITERAL:
        chars = f"[^{_char(av)}]"
    elif op is C.IN:
        chars = _in_set(av)
    elif op is C.ANY:
        return r"(?-i:(?s:.))" if flags & _DOTALL else r"(?-i:[^\n])"
    else:
        return None
    if chars is None:
        return None
    return ("(?i:" if flags & _IGNORECASE else "(?-i:") + chars + ")"


def _width(tokens: tuple[str, ...]) -> int:
    return sum(not token.startswith(("\\b", "(?<")) for token in tokens)


def _sequence(items, flags: int, depth: int) -> set[_Path]:
    """How a match of the sequence ``items`` can start: its first ``depth`` characters."""
    paths: set[_Path] = {((), True)}
    for op, av in items:
        grown: set[_Path] = set()
        for tokens, open_ in paths:
            left = depth - _width(tokens)
            if not open_ or left <= 0:
                grown.add((tokens, False))
                continue
            for more, still_open in _element(op, av, flags, left):
                grown.add((tokens + more, still_open))
        paths = grown
        if not any(open_ for _, open_ in paths):
            break
    return paths


def _element(op, av, flags: int, depth: int) -> set[_Path]:
    char = _one_char(op, av, flags)
    if char is not None:
        return {((char,), True)}
    if op is C.AT:
        return {((r"\b",), True)} if av is C.AT_BOUNDARY else {((), True)}
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, sub = av
        char = _one_char(*sub[0], flags) if direction < 0 and len(sub) == 1 else None
        if char is None:
            return {((), True)}  # a lookaround consumes nothing: a looser start is right
        return {((f"(?<{'=' if op is C.ASSERT else '!'}{char})",), True)}
    if op is C.BRANCH:
        return set().union(*(_sequence(branch, flags, depth) for branch in av[1]))
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _sequence(sub, (flags | int(add)) & ~int(remove), depth)
    if op is _ATOMIC:
        return _sequence(av, flags, depth)
    if op in _REPEATS:
        low, high, sub = av
        return _repeat(sub, low, high, flags, depth)
    return {((), False)}  # not read here: anything may follow


def _repeat(sub, low: int, high: int, flags: int, depth: int) -> set[_Path]:
    """Starts of ``sub`` repeated ``low`` to ``high`` times."""
    paths: set[_Path] = {((), True)}  # after no copy yet
    ended: set[_Path] = set()
    limit = min(high, low + depth + 1)
    for count in range(limit + 1):
        if count >= low:
            ended |= paths  # the repeat may stop after ``count`` copies
        if count == limit or not any(open_ for _, open_ in paths):
            break
        paths = {
            (tokens + more, still_open)
            for tokens, open_ in paths
            for more, still_open in (
                _sequence(sub, flags, depth - _width(tokens))
                if open_ and _width(tokens) < depth
                else {((), False)}
            )
        }
    if limit < high:  # more copies may follow: anything may come after these
        ended |= {(tokens, False) for tokens, _ in paths}
    return ended | {path for path in paths if not path[1]}


def _source(paths: set[tuple[str, ...]]) -> str:
    """One regex for a set of token sequences (a trie; an ended sequence needs no more)."""
    if () in paths:
        return ""
    children: dict[str, set[tuple[str, ...]]] = {}
    for tokens in paths:
        children.setdefault(tokens[0], set()).add(tokens[1:])
    by_rest: dict[str, list[str]] = {}
    for first, rests in children.items():
        by_rest.setdefault(_source(rests), []).append(first)
    parts = []
    for rest, firsts in sorted(by_rest.items()):
        chars = sorted(f for f in firsts if not f.startswith(("\\b", "(?<")))
        for case in ("(?i:", "(?-i:"):
            same = [f[len(case) : -1] for f in chars if f.startswith(case)]
            if same:
                parts.append(case + "|".join(same) + ")" + rest)
        parts += sorted(f + rest for f in firsts if f.startswith(("\\b", "(?<")))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def start_source(tree: P.SubPattern, depth: int = DEPTH) -> str | None:
    """A regex for the first ``depth`` characters of a match of the parsed pattern (None:
    anything)."""
    if tree.state.flags & (re.ASCII | re.LOCALE):
        return None
    paths = _sequence(tree.data, int(tree.state.flags), depth)
    if any(_width(tokens) == 0 for tokens, _ in paths):
        return None  # the pattern can match the empty string, or starts with the unknown
    return _source({tokens for tokens, _ in paths})


def compile(source: str, flags: int = 0, depth: int = DEPTH) -> re.Pattern[str]:  # noqa: A001
    """``re.compile(source, flags)``, faster on long alternations, with the same matches:
    a lookahead in front fails at once where no match can start, and lists of words are
    tries (``regex_tries``)."""
    try:
        return _compile(source, flags, depth)
    except Exception:  # noqa: BLE001  (internals of another Python version: plain re)
        return re.compile(source, flags)


def _compile(source: str, flags: int, depth: int = DEPTH) -> re.Pattern[str]:
    import _sre
    from re import _compiler

    tree = P.parse(source, flags)
    data = rewrite(tree).data
    start = start_source(tree, depth)
    if start is not None:
        data = P.parse(f"(?=(?:{start}))", flags).data + data
    state = tree.state
    body = P.SubPattern(state, data)
    index = [None] * state.groups
    for name, number in state.groupdict.items():
        index[number] = name
    code = _compiler._code(body, flags)
    return _sre.compile(
        source, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(index)
    )


class Lazy:
    """``compile(source, flags)`` on first use: the long age and date patterns of nine
    languages take about a second to compile this way, which start-up need not wait for
    (a language's patterns are compiled when its first statement comes)."""

    def __init__(self, source: str, flags: int = 0, depth: int = DEPTH) -> None:
        self.source = source
        self.flags = flags
        self.depth = depth
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile(self.source, self.flags, self.depth)
        return self._compiled

    def __getattr__(self, name: str):  # finditer, search, match, pattern ...
        return getattr(self.compiled, name)
