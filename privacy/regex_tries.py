"""Long alternations of words rewritten as tries, with the same matches.

``re`` tries the alternatives of ``(?:een|twee|drie|...)`` one by one at every position it
reaches: with a few hundred number words, street types or month names that is most of
the time of the age, date and address steps. ``rewrite(tree)`` reorders a parsed pattern's
word alternations into a trie (``(?:e(?:en|lf)|t(?:wee|ien)|...)``). Only alternatives
that cannot match the same character are moved past each other (checked with ``re``
itself, case-insensitively where the pattern is), and alternatives that start alike keep
their order, so at every position the same alternative wins as before: the same matches,
the same groups.
"""

from __future__ import annotations

import re
from functools import cache

try:  # Python 3.11+
    from re import _constants as C  # noqa: N812
    from re import _parser as P  # noqa: N812
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]  # noqa: N812
    import sre_parse as P  # type: ignore[no-redef]  # noqa: N812

_REPEATS = tuple(
    op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op
)
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
MIN_ALTERNATIVES = 4  # shorter alternations are left as they are
_IGNORECASE = int(re.IGNORECASE)  # plain ints: flag enums are slow to combine


@cache
def _may_meet(a: int, b: int, ignore_case: bool) -> bool:
    """Whether a character of the text can match both literal ``a`` and literal ``b``."""
    if a == b:
        return True
    if not ignore_case:
        return False
    x, y = chr(a), chr(b)
    return bool(
        re.fullmatch(re.escape(x), y, re.IGNORECASE) or re.fullmatch(re.escape(y), x, re.IGNORECASE)
    )


def rewrite(tree: P.SubPattern) -> P.SubPattern:
    """The parsed pattern with its word alternations as tries."""
    return _sub(tree, int(tree.state.flags))


def _sub(sub: P.SubPattern, flags: int) -> P.SubPattern:
    return P.SubPattern(sub.state, _sequence(sub.data, flags))


def _sequence(items, flags: int) -> list:
    out: list = []
    for op, av in items:
        if op is C.BRANCH:
            alternatives = _branch([_sub(a, flags) for a in av[1]], flags)
            if len(alternatives) == 1:
                out.extend(alternatives[0].data)
            else:
                out.append((op, (av[0], alternatives)))
        elif op is C.SUBPATTERN:
            group, add, remove, sub = av
            inner = (flags | int(add)) & ~int(remove)
            out.append((op, (group, add, remove, _sub(sub, inner))))
        elif op in _REPEATS:
            low, high, sub = av
            out.append((op, (low, high, _sub(sub, flags))))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            out.append((op, (direction, _sub(sub, flags))))
        elif op is _ATOMIC:
            out.append((op, _sub(av, flags)))
        else:
            out.append((op, av))
    return out


def _starts_with_literal(alternative: P.SubPattern) -> bool:
    return bool(alternative.data) and alternative.data[0][0] is C.LITERAL


def _branch(alternatives: list[P.SubPattern], flags: int) -> list[P.SubPattern]:
    """Alternatives in trie form: runs of alternatives that start with a literal are
    grouped by the characters they can match first; other alternatives stay in place."""
    if len(alternatives) < MIN_ALTERNATIVES:
        return alternatives
    out: list[P.SubPattern] = []
    run: list[P.SubPattern] = []
    for alternative in alternatives:
        if _starts_with_literal(alternative):
            run.append(alternative)
            continue
        out += _trie(run, flags)
        run = []
        out.append(alternative)
    return out + _trie(run, flags)


def _trie(run: list[P.SubPattern], flags: int) -> list[P.SubPattern]:
    if len(run) < MIN_ALTERNATIVES:
        return run
    ignore_case = bool(flags & _IGNORECASE)
    # groups of alternatives whose first characters may meet, in order of appearance;
    # alternatives of different groups can never both match at one position
    groups: list[tuple[set[int], list[int]]] = []
    placed: dict[int, tuple[set[int], list[int]]] = {}  # first character -> its group
    for index, alternative in enumerate(run):
        first = alternative.data[0][1]
        if first in placed:
            placed[first][1].append(index)
            continue
        meeting = [g for g in groups if any(_may_meet(first, c, ignore_case) for c in g[0])]
        if not meeting:
            groups.append(({first}, [index]))
            placed[first] = groups[-1]
            continue
        keep = meeting[0]
        for other in meeting[1:]:  # merged, their members in their first order
            keep[0].update(other[0])
            keep[1].extend(other[1])
            keep[1].sort()
            groups.remove(other)
            placed.update(dict.fromkeys(other[0], keep))
        keep[0].add(first)
        keep[1].append(index)
        placed[first] = keep
    if len(groups) == len(run):
        return run  # nothing to share: every alternative starts differently
    out: list[P.SubPattern] = []
    for _firsts, members in groups:
        out += _factor([run[i] for i in members], flags)
    return out


def _factor(members: list[P.SubPattern], flags: int) -> list[P.SubPattern]:
    """Consecutive alternatives with the same first character share it."""
    out: list[P.SubPattern] = []
    i = 0
    while i < len(members):
        first = members[i].data[0]
        j = i
        while j < len(members) and members[j].data[0] == first:
            j += 1
        if j - i == 1:
            out.append(members[i])
        else:
            state = members[i].state
            rests = _branch([P.SubPattern(state, m.data[1:]) for m in members[i:j]], flags)
            tail = rests[0].data if len(rests) == 1 else [(C.BRANCH, (None, rests))]
            out.append(P.SubPattern(state, [first, *tail]))
        i = j
    return out
