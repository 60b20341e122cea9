import pytest

from matrix import identity, is_symmetric, multiply, trace, transpose


def test_identity_is_its_own_transpose():
    assert transpose(identity(3)) == identity(3)


def test_transpose_square():
    assert transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]


def test_transpose_wide():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_symmetric_matrix():
    assert is_symmetric([[2, 7], [7, 5]])


def test_multiply():
    assert multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]]) == [[19, 22], [43, 50]]


def test_multiply_shape_mismatch():
    with pytest.raises(ValueError):
        multiply([[1, 2]], [[1, 2]])


def test_trace():
    assert trace([[1, 9], [9, 4]]) == 5
