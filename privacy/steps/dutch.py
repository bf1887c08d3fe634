"""Dutch names with deduce, built from a trimmed set of its lookup lists.

deduce (the field's de-identifier for Dutch) as shipped loads every lookup structure
(streets, places, 50,000 healthcare institutions): ~9-14 s and ~1.1 GB. We build only
its name annotators and the lists they use (data/dutch.yaml), which takes a fraction
of a second and a few tens of MB, and keep its name logic (prefixes, initials,
interfixes, context expansion) as is.
"""

from __future__ import annotations

import copy
import itertools
import json
import logging
import warnings
from functools import cache
from pathlib import Path

from privacy.lexicon import DATA, SUPPORTED_LANGUAGES, Lexicon, read_yaml
from privacy.statement import Finding, Statement, outermost


def _import_deduce():
    """Import deduce without letting it configure logging or warnings for the process.

    deduce calls ``logging.basicConfig(level=DEBUG)`` and ``warnings.simplefilter`` at
    import time; participants' words must never reach a log, so both are undone.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    with warnings.catch_warnings():
        import deduce  # noqa: F401
        import deduce.annotation_processor  # noqa: F401
        import deduce.annotator  # noqa: F401
        import deduce.lookup_struct_loader  # noqa: F401
        import deduce.lookup_structs  # noqa: F401
        import deduce.tokenizer  # noqa: F401
        import deduce.utils  # noqa: F401
        import docdeid  # noqa: F401
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    return deduce


@cache
def build_deidentifier():
    """A docdeid pipeline with deduce's Dutch name annotators only."""
    deduce = _import_deduce()
    import docdeid as dd
    from deduce import lookup_struct_loader as loaders
    from deduce.lookup_structs import load_raw_itemsets
    from deduce.tokenizer import DeduceTokenizer

    settings = read_yaml(DATA / "dutch.yaml")
    package = Path(deduce.__file__).parent
    raw = load_raw_itemsets(package / "data" / "lookup", settings["lookup_lists"])
    raw["common_word"] = set(raw["common_word"]) | {w.lower() for w in settings["whitelist"]}

    prefix = loaders.load_prefix_lookup(raw)
    interfix = loaders.load_interfix_lookup(raw)
    tokenizer = DeduceTokenizer(merge_terms=itertools.chain(prefix.items(), interfix.items()))
    ds = dd.ds.DsCollection()
    for name in ("initial", "interfix_surname"):
        lookup = dd.ds.LookupSet()
        lookup.add_items_from_iterable(raw[name])
        ds[name] = lookup
    ds["prefix"] = prefix
    ds["interfix"] = interfix
    ds["whitelist"] = loaders.load_whitelist_lookup(raw)
    ds["first_name"] = loaders.load_first_name_lookup(raw, tokenizer)
    ds["surname"] = loaders.load_surname_lookup(raw, tokenizer)

    with (package / "base_config.json").open(encoding="utf-8") as handle:
        base = json.load(handle)["annotators"]
    deid = dd.DocDeid()
    deid.tokenizers["default"] = tokenizer
    deid.lookup = ds  # the lookup structures, for our own checks below
    for name in settings["annotators"]:
        info = base[name]
        args = copy.deepcopy(info["args"])
        if info["annotator_type"] == "docdeid.process.MultiTokenLookupAnnotator":
            annotator = dd.process.MultiTokenLookupAnnotator(
                trie=ds[args.pop("lookup_values")], **args
            )
        else:
            module, _, cls_name = info["annotator_type"].rpartition(".")
            cls = deduce.utils.class_for_name(module_name=module, class_name=cls_name)
            annotator = deduce.utils.initialize_class(cls, args, {"ds": ds, "tokenizer": tokenizer})
        deid.processors.add_processor(name, annotator)
    return deid


def build(lexicon: Lexicon):
    deid = build_deidentifier()
    prefixes = frozenset(p.lower().rstrip(".") for p in deid.lookup["prefix"].items())
    first_names = deid.lookup["first_name"]
    common = lexicon.common_words("nl")
    others = [code for code in SUPPORTED_LANGUAGES if code != "nl"]

    def dutch_names(st: Statement) -> list[Finding]:
        if st.lang != "nl" and "nl" not in st.plausible:
            return []
        annotations = [a for a in deid.deidentify(st.text).annotations if "pseudo" not in a.tag]
        tagged = {}
        for a in annotations:
            tagged.setdefault((a.start_char, a.end_char), set()).update(a.tag.split("+"))
        starts = {t.start: t for t in st.tokens}
        found = []
        for (start, end), tags in tagged.items():
            first = starts.get(start)
            if first is not None and first.initial:
                if first.end == end and tags == {"achternaam"} and not _name_follows(st, end):
                    continue  # "Boven alles ...", "Pas als ...": a surname that is a word
                if (
                    first.end == end
                    and st.lang != "nl"
                    and not _name_follows(st, end)
                    and any(lexicon.everyday_word(first.text, code) for code in others)
                ):
                    continue  # "Skip." in a text that is maybe Dutch: a word of another
                    # language of ours
                if first.end < end and _not_a_name(first.text, first_names, common):
                    start = _next_word(st.text, first.end)  # "Bel Jan de Vries" -> "Jan de Vries"
            start = _after_prefixes(st.text, start, end, prefixes)
            if start < end:
                found.append(Finding(start, end, "name", "dutch_names", st.text[start:end].lower()))
        return outermost(found)

    return dutch_names


def _not_a_name(word: str, first_names, common: frozenset[str]) -> bool:
    """A sentence-initial word swept into a name ("Bel Jan de Vries") that is no given name."""
    return [word] not in first_names or word.lower() in common


def _name_follows(st: Statement, end: int) -> bool:
    rest = st.text[end : end + 2]
    return rest[:1] == " " and rest[1:2].isupper()


def _next_word(text: str, offset: int) -> int:
    while offset < len(text) and not text[offset].isalnum():
        offset += 1
    return offset


def _after_prefixes(text: str, start: int, end: int, prefixes: frozenset[str]) -> int:
    """Skip leading title words, so "mevrouw Kowalska" becomes "mevrouw [naam]"."""
    while True:
        rest = text[start:end]
        word = rest.split(maxsplit=1)[0] if rest.strip() else ""
        if not word or word.lower().rstrip(".") not in prefixes or len(word) == len(rest):
            return start
        start += len(word)
        while start < end and text[start] in " .":
            start += 1
