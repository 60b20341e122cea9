from datetime import date

from due import add_business_days, days_until, status

MONDAY = date(2024, 3, 4)


def test_days_until_a_future_date():
    assert days_until(MONDAY, date(2024, 3, 14)) == 10


def test_due_today():
    assert status(MONDAY, MONDAY) == "due today"


def test_overdue():
    assert status(MONDAY, date(2024, 3, 1)) == "overdue"


def test_due_soon_and_ok():
    assert [status(MONDAY, date(2024, 3, 6)), status(MONDAY, date(2024, 4, 1))] == ["due soon", "ok"]


def test_business_days_skip_the_weekend():
    assert add_business_days(date(2024, 3, 8), 1) == date(2024, 3, 11)


def test_ten_business_days_is_two_weeks():
    assert add_business_days(MONDAY, 10) == date(2024, 3, 18)
