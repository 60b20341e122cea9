from datetime import date


def age_on(birth, today):
    """Whole years between birth and today."""
    years = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        years -= 1
    return years


def birthday_in(year, birth):
    """The birthday in a given year; 29 February falls on 1 March in common years."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def days_to_next_birthday(birth, today):
    upcoming = birthday_in(today.year, birth)
    if upcoming < today:
        upcoming = birthday_in(today.year + 1, birth)
    return (upcoming - today).days
