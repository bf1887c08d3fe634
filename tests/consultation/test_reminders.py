"""The sealed chat address and who may get the one reminder."""

from __future__ import annotations

import base64
from dataclasses import replace

from consultation.reminders import seal, unseal, wanted
from privacy.keys import Keyring
from storage.records import Participant

KEY = Keyring(b"0123456789abcdef0123456789abcdef")


def test_a_sealed_address_opens_only_with_its_key_and_never_looks_the_same():
    first, second = seal(KEY, "987654321"), seal(KEY, "987654321")
    assert first != second and "987654321" not in first
    assert unseal(KEY, first) == unseal(KEY, second) == "987654321"
    assert unseal(Keyring(b"another key of sixteen bytes or more"), first) is None
    raw = bytearray(base64.b64decode(first))
    raw[-1] ^= 1  # one bit changed on the way
    assert unseal(KEY, base64.b64encode(bytes(raw)).decode()) is None
    assert unseal(KEY, "not sealed at all") is None


def test_who_may_get_the_one_reminder():
    someone = Participant(1, "c", "stakeholder", "k", "en", None, None, "t", "t")
    expert = replace(someone, role="expert")
    assert wanted(someone) and not wanted(expert)
    assert wanted(replace(expert, remind=1))
    assert not wanted(replace(someone, remind=0))
    assert not wanted(replace(someone, reminded=1)) and not wanted(
        replace(expert, remind=1, reminded=1)
    )
