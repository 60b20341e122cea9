import pytest

from tokens import to_rpn, tokenize


def test_spaced_expression():
    assert tokenize("12 + 3.5") == [12.0, "+", 3.5]


def test_operator_right_after_a_number():
    assert tokenize("2*3") == [2.0, "*", 3.0]


def test_number_before_closing_parenthesis():
    assert tokenize("(1 + 2)") == ["(", 1.0, "+", 2.0, ")"]


def test_unknown_character():
    with pytest.raises(ValueError):
        tokenize("2 ^ 3")


def test_rpn_respects_precedence():
    assert to_rpn(["(", 1.0, "+", 2.0, ")", "*", 3.0]) == [1.0, 2.0, "+", 3.0, "*"]


def test_tokenize_then_rpn():
    assert to_rpn(tokenize("8-2-1")) == [8.0, 2.0, "-", 1.0, "-"]
