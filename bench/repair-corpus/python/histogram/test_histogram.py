from histogram import histogram, render


def test_no_values():
    assert histogram([], 3) == [0, 0, 0]


def test_values_below_the_upper_bound():
    assert histogram([0, 1, 2, 5, 9], 2, lo=0, hi=10) == [3, 2]


def test_largest_value_goes_in_the_last_bucket():
    assert histogram([1, 2, 3, 4], 3) == [1, 1, 2]


def test_value_equal_to_explicit_upper_bound():
    assert histogram([0, 10], 5, lo=0, hi=10) == [1, 0, 0, 0, 1]


def test_values_outside_the_range_are_ignored():
    assert histogram([-5, 1, 99], 1, lo=0, hi=5) == [1]


def test_render():
    assert render([2, 0], ["low", "high"]) == " low | ## 2\nhigh |  0"
