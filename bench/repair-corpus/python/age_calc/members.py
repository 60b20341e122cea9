from dates import age_on

ADULT_AGE = 18
SENIOR_AGE = 65


def is_adult(birth, today):
    return age_on(today, birth) >= ADULT_AGE


def ticket_type(birth, today):
    age = age_on(birth, today)
    if age < 12:
        return "child"
    if age >= SENIOR_AGE:
        return "senior"
    return "adult" if age >= ADULT_AGE else "youth"
