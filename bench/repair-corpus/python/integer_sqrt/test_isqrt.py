import pytest

from isqrt import is_perfect_square, isqrt, square_layout


def test_negative_input_is_rejected():
    with pytest.raises(ValueError):
        isqrt(-1)


def test_negative_numbers_are_not_perfect_squares():
    assert is_perfect_square(-4) is False


@pytest.mark.parametrize("n, root", [(0, 0), (1, 1), (15, 3), (16, 4), (10**20 + 1, 10**10)])
def test_isqrt(n, root):
    assert isqrt(n) == root


def test_perfect_squares():
    assert [n for n in range(30) if is_perfect_square(n)] == [0, 1, 4, 9, 16, 25]


def test_square_layout_reports_leftovers():
    assert square_layout(40) == (6, 4)
