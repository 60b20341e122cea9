from intervals import gaps, merge, total_length


def test_merge_nothing():
    assert merge([]) == []


def test_merge_overlapping_and_unsorted():
    assert merge([(8, 10), (1, 3), (2, 6), (15, 18)]) == [(1, 6), (8, 10), (15, 18)]


def test_touching_intervals_merge():
    assert merge([(1, 4), (4, 5)]) == [(1, 5)]


def test_total_length_counts_overlap_once():
    assert total_length([(0, 10), (5, 15)]) == 15


def test_gaps_with_no_intervals():
    assert gaps([], 0, 24) == [(0, 24)]


def test_gaps_between_meetings():
    assert gaps([(9, 10), (13, 15), (14, 16)], 8, 18) == [(8, 9), (10, 13), (16, 18)]
