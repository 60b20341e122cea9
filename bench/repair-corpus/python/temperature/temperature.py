"""Convert temperature readings between Celsius, Fahrenheit and Kelvin."""

SCALES = ("C", "F", "K")


def to_celsius(value, scale):
    if scale == "C":
        return value
    if scale == "F":
        return (value - 32) * 5 / 9
    if scale == "K":
        return value - 273.15
    raise ValueError(f"unknown scale {scale!r}")


def from_celsius(value, scale):
    if scale == "C":
        return value
    if scale == "F":
        return value * 9 / 5 - 32
    if scale == "K":
        return value + 273.15
    raise ValueError(f"unknown scale {scale!r}")


def convert(value, src, dst):
    return round(from_celsius(to_celsius(value, src), dst), 2)


def parse_reading(text):
    """Parse readings such as '21.5C' or '-3 f' into (value, scale)."""
    text = text.strip().upper()
    scale = text[-1:]
    if scale not in SCALES:
        raise ValueError(f"no scale in {text!r}")
    return float(text[:-1].strip()), scale
