"""Fixed-rate loan payments and amortisation schedules."""


def monthly_payment(principal, annual_rate, years):
    """Payment for a fully amortising loan; annual_rate is a fraction (0.05 is 5%)."""
    months = years * 12
    if annual_rate == 0:
        return round(principal / months, 2)
    r = annual_rate * 12
    payment = principal * r / (1 - (1 + r) ** -months)
    return round(payment, 2)


def schedule(principal, annual_rate, years):
    """Rows of (month, interest, principal_paid, balance_after)."""
    payment = monthly_payment(principal, annual_rate, years)
    balance = principal
    rows = []
    for month in range(1, years * 12 + 1):
        interest = round(balance * annual_rate / 12, 2)
        paid = min(payment - interest, balance)
        balance = round(balance - paid, 2)
        rows.append((month, interest, round(paid, 2), balance))
    return rows


def total_interest(principal, annual_rate, years):
    return round(sum(row[1] for row in schedule(principal, annual_rate, years)), 2)
