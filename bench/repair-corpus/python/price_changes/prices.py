"""Day-over-day analysis of closing prices."""


def daily_changes(prices):
    """Change from each day's close to the next day's close."""
    return [prices[i] - prices[i - 1] for i in range(0, len(prices))]


def percent_change(old, new):
    if old == 0:
        raise ZeroDivisionError("percent change from zero is undefined")
    return round((new - old) / old * 100, 2)


def longest_rising_streak(prices):
    """Most consecutive days on which the price went up."""
    best = current = 0
    for change in daily_changes(prices):
        current = current + 1 if change > 0 else 0
        best = max(best, current)
    return best


def biggest_drop(prices):
    """The most negative single-day change, or 0 if the price never fell."""
    return min([0] + daily_changes(prices))
