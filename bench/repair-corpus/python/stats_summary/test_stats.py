import pytest

from stats import mean, median, stdev, variance, zscores

DATA = [2, 4, 4, 4, 5, 5, 7, 9]


def test_mean_and_median():
    assert (mean(DATA), median(DATA)) == (5, 4.5)


def test_sample_variance():
    assert variance(DATA) == pytest.approx(32 / 7)


def test_variance_of_two_points():
    assert variance([1, 3]) == 2


def test_sample_stdev():
    assert stdev([1, 3]) == pytest.approx(2 ** 0.5)


def test_zscores():
    assert zscores([10, 20, 30]) == [-1.0, 0.0, 1.0]
