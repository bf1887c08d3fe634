"""Telegram ids only ever become keyed hashes; the key lives in a private file or the env."""

from __future__ import annotations

import stat

import pytest

from privacy.keys import KeyFileError, Keyring


def test_key_file_is_created_private_and_reused(tmp_path):
    path = tmp_path / "r.key"
    first = Keyring.from_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = Keyring.from_file(path)
    assert first.user_key(42) == second.user_key(42)


def test_hash_depends_on_the_key_and_the_purpose(tmp_path):
    a = Keyring.from_file(tmp_path / "a.key")
    b = Keyring.from_file(tmp_path / "b.key")
    assert a.user_key(42) != b.user_key(42)
    assert a.derive("respondent", "u", "c") != a.derive("organisation", "u", "c")
    assert len(a.user_key(42)) == 64 and a.user_key(42) != "42"


def test_secret_from_the_environment_wins(tmp_path):
    keyring = Keyring.from_setting("a-long-enough-secret-value", tmp_path / "unused.key")
    assert not (tmp_path / "unused.key").exists()
    assert keyring.user_key(1) == Keyring(b"a-long-enough-secret-value").user_key(1)


def test_short_secret_and_damaged_key_file_are_refused(tmp_path):
    with pytest.raises(KeyFileError):
        Keyring(b"short")
    damaged = tmp_path / "bad.key"
    damaged.write_text("not hex at all")
    damaged.chmod(0o600)
    with pytest.raises(KeyFileError, match="cannot read key file"):
        Keyring.from_file(damaged)


def test_a_key_file_others_can_read_is_refused(tmp_path):
    path = tmp_path / "open.key"
    Keyring.from_file(path)
    path.chmod(0o644)
    with pytest.raises(KeyFileError, match="readable by others"):
        Keyring.from_file(path)
