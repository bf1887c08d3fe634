"""Check digits decide whether a bare number is an identity or bank number."""

import pytest

from privacy import checksums

VALID = [
    (checksums.iban, "NL91 ABNA 0417 1643 00"),
    (checksums.iban, "GB82 WEST 1234 5698 7654 32"),
    (checksums.polish_nrb, "61 1090 1014 0000 0712 1981 2874"),
    (checksums.luhn, "4111 1111 1111 1111"),
    (checksums.bsn, "111222333"),
    (checksums.pesel, "44051401359"),
    (checksums.cnp, "1800101221144"),
    (checksums.egn, "7523169263"),
    (checksums.dni_nie, "12345678Z"),
    (checksums.dni_nie, "X1234567L"),
    (checksums.taj, "111111110"),
    (checksums.rnokpp, "3006714957"),
]


@pytest.mark.parametrize(("check", "value"), VALID, ids=[v for _, v in VALID])
def test_valid_numbers_pass(check, value):
    assert check(value)


@pytest.mark.parametrize(("check", "value"), VALID, ids=[v for _, v in VALID])
def test_one_wrong_digit_fails(check, value):
    digits = [i for i, ch in enumerate(value) if ch.isdigit()]
    i = digits[-2]
    changed = value[:i] + str((int(value[i]) + 1) % 10) + value[i + 1 :]
    assert not check(changed)


def test_amounts_and_years_are_no_national_ids():
    assert not checksums.national_id("2023")
    assert not checksums.national_id("1.250.000")
