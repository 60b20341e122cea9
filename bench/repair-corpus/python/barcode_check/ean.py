"""EAN-13 / UPC-A barcode check digits."""


def check_digit(first12):
    """Check digit for the first 12 digits of an EAN-13 code."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError("need exactly 12 digits")
    total = 0
    for i, ch in enumerate(first12):
        weight = 3 if i % 2 == 0 else 1
        total += int(ch) * weight
    return (10 - total % 10) % 10


def is_valid(code):
    code = code.replace(" ", "").replace("-", "")
    if len(code) != 13 or not code.isdigit():
        return False
    return check_digit(code[:12]) == int(code[12])


def upc_to_ean(upc):
    """A 12-digit UPC-A code is an EAN-13 code with a leading zero."""
    if len(upc) != 12:
        raise ValueError("UPC-A codes have 12 digits")
    return "0" + upc


def format_ean(code):
    """Group digits the way they are printed under the bars: 1 + 6 + 6."""
    return f"{code[0]} {code[1:7]} {code[7:]}"
