import pytest

from smoothing import exponential_smoothing, moving_average, trend


def test_window_longer_than_series():
    assert moving_average([1, 2], 3) == []


def test_window_equal_to_series():
    assert moving_average([2, 4, 6], 3) == [4]


def test_moving_average():
    assert moving_average([1, 2, 3, 4, 5], 2) == [1.5, 2.5, 3.5, 4.5]


def test_window_of_one_is_the_series():
    assert moving_average([3, 1, 4], 1) == [3, 1, 4]


def test_exponential_smoothing():
    assert exponential_smoothing([10, 20, 20], 0.5) == [10, 15, 17.5]


def test_trend_sees_the_latest_value():
    assert trend([5, 5, 5, 5, 9], 2) == "up"


def test_invalid_window():
    with pytest.raises(ValueError):
        moving_average([1], 0)
