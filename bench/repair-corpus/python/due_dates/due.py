from datetime import timedelta


def days_until(today, due):
    """Days left before the due date; negative once it has passed."""
    return (today - due).days


def status(today, due, warn_days=3):
    left = days_until(today, due)
    if left < 0:
        return "overdue"
    if left == 0:
        return "due today"
    return "due soon" if left <= warn_days else "ok"


def add_business_days(start, days):
    """The date that is `days` working days (Monday to Friday) after start."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
