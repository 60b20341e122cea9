"""Smoothing helpers for noisy time series."""


def moving_average(values, window):
    """Simple moving average over each full window, using a running sum."""
    if window <= 0:
        raise ValueError("window must be positive")
    if len(values) < window:
        return []
    total = sum(values[:window])
    averages = [total / window]
    for i in range(window, len(values) - 1):
        total += values[i] - values[i - window]
        averages.append(total / window)
    return averages


def exponential_smoothing(values, alpha):
    if not 0 < alpha <= 1:
        raise ValueError("alpha must be in (0, 1]")
    smoothed = []
    for v in values:
        smoothed.append(v if not smoothed else alpha * v + (1 - alpha) * smoothed[-1])
    return smoothed


def trend(values, window):
    """'up', 'down' or 'flat', comparing the last two moving averages."""
    averages = moving_average(values, window)
    if len(averages) < 2 or averages[-1] == averages[-2]:
        return "flat"
    return "up" if averages[-1] > averages[-2] else "down"
