import pytest

from temperature import convert, parse_reading


def test_boiling_point_in_fahrenheit():
    assert convert(100, "C", "F") == 212


def test_fahrenheit_to_celsius():
    assert convert(212, "F", "C") == 100


def test_celsius_to_kelvin():
    assert convert(0, "C", "K") == 273.15


def test_minus_forty_is_the_same_on_both_scales():
    assert convert(-40, "C", "F") == -40


def test_kelvin_to_fahrenheit():
    assert convert(300, "K", "F") == 80.33


@pytest.mark.parametrize("text, expected", [("21.5C", (21.5, "C")), (" -3 f", (-3.0, "F"))])
def test_parse_reading(text, expected):
    assert parse_reading(text) == expected


def test_unknown_scale_is_rejected():
    with pytest.raises(ValueError):
        convert(10, "C", "R")
