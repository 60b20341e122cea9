from datetime import date

from dates import age_on, days_to_next_birthday
from members import is_adult, ticket_type

TODAY = date(2024, 6, 15)


def test_age_before_and_after_birthday():
    assert age_on(date(2000, 6, 16), TODAY) == 23
    assert age_on(date(2000, 6, 15), TODAY) == 24


def test_leap_day_birthday_in_common_year():
    assert days_to_next_birthday(date(2004, 2, 29), date(2025, 2, 27)) == 2


def test_minor_is_not_adult():
    assert is_adult(date(2010, 1, 1), TODAY) is False


def test_eighteenth_birthday_makes_an_adult():
    assert is_adult(date(2006, 6, 15), TODAY) is True


def test_ticket_types():
    births = [date(2016, 3, 3), date(2008, 7, 1), date(1990, 1, 1), date(1950, 12, 24)]
    assert [ticket_type(b, TODAY) for b in births] == ["child", "youth", "adult", "senior"]
