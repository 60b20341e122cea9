import pytest

from ean import check_digit, format_ean, is_valid, upc_to_ean


@pytest.mark.parametrize("first12, digit", [("400638133393", 1), ("978030640615", 7), ("501234567890", 0)])
def test_check_digit(first12, digit):
    assert check_digit(first12) == digit


def test_valid_code_with_separators():
    assert is_valid("400-6381-33393-1")


def test_wrong_length_is_not_valid():
    assert not is_valid("12345")


def test_check_digit_needs_twelve_digits():
    with pytest.raises(ValueError):
        check_digit("12345678901a")


def test_upc_converts_to_ean():
    assert upc_to_ean("036000291452") == "0036000291452"


def test_format_groups_digits():
    assert format_ean("4006381333931") == "4 006381 333931"
