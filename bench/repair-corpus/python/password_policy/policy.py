"""Password rules for the sign-up form."""

SYMBOLS = set("!@#$%^&*()-_=+[]{};:,.?/")
COMMON = {"password1!", "qwerty123!", "letmein2024!"}


def check_password(password, min_length=10):
    """Return the list of rules the password breaks; an empty list means it is fine."""
    problems = []
    if len(password) < min_length:
        problems.append("too short")
    has_upper = any(c.isupper() for c in password)
    has_lower = any(c.islower() for c in password)
    if not (has_upper or has_lower):
        problems.append("needs upper and lower case")
    if not any(c.isdigit() for c in password):
        problems.append("needs a digit")
    if not any(c in SYMBOLS for c in password):
        problems.append("needs a symbol")
    if password.lower() in COMMON:
        problems.append("too common")
    return problems


def strength(password):
    broken = len(check_password(password))
    if broken == 0:
        return "strong"
    return "fair" if broken == 1 else "weak"
