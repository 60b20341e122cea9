import pytest

from prices import biggest_drop, daily_changes, longest_rising_streak, percent_change


def test_no_prices_no_changes():
    assert daily_changes([]) == []


def test_single_price_has_no_changes():
    assert daily_changes([42]) == []


def test_daily_changes():
    assert daily_changes([10, 12, 11, 15]) == [2, -1, 4]


def test_percent_change():
    assert percent_change(80, 100) == 25.0


def test_percent_change_from_zero():
    with pytest.raises(ZeroDivisionError):
        percent_change(0, 5)


def test_longest_rising_streak():
    assert longest_rising_streak([3, 1, 2, 3, 4]) == 3


def test_biggest_drop():
    assert biggest_drop([10, 12, 11, 15]) == -1
