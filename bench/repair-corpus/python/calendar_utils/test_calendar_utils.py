import pytest

from calendar_utils import day_of_year, days_in_month, days_in_year, is_leap, month_end


@pytest.mark.parametrize("year, leap", [(2024, True), (2023, False), (1900, False), (2000, True)])
def test_is_leap(year, leap):
    assert is_leap(year) is leap


def test_february_in_a_century_leap_year():
    assert days_in_month(2000, 2) == 29


def test_day_of_year_in_common_year():
    assert day_of_year(2023, 3, 1) == 60


def test_days_in_year_2400():
    assert days_in_year(2400) == 366


def test_month_end():
    assert month_end(2023, 4) == "2023-04-30"


def test_bad_month():
    with pytest.raises(ValueError):
        days_in_month(2023, 13)
