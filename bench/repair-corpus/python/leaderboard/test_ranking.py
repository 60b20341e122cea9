import pytest

from ranking import podium, rank_of, rank_players


def test_empty_board():
    assert rank_players({}) == []


def test_distinct_scores():
    assert rank_players({"kim": 30, "lee": 50, "ola": 40}) == [(1, "lee", 50), (2, "ola", 40), (3, "kim", 30)]


def test_ties_share_a_rank_and_skip_the_next():
    board = {"ann": 90, "bob": 90, "cat": 70, "dan": 60}
    assert [rank for rank, _, _ in rank_players(board)] == [1, 1, 3, 4]


def test_podium_includes_everyone_tied_for_third():
    assert podium({"a": 10, "b": 9, "c": 8, "d": 8, "e": 1}) == ["a", "b", "c", "d"]


def test_rank_of_tied_player():
    assert rank_of({"x": 5, "y": 7, "z": 7}, "z") == 1


def test_rank_of_unknown_player():
    with pytest.raises(KeyError):
        rank_of({"x": 5}, "q")
