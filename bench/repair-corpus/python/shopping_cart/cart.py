from dataclasses import dataclass

from pricing import discount, shipping


@dataclass
class Line:
    sku: str
    price: float
    qty: int


class Cart:
    def __init__(self):
        self.lines = {}
        self.coupon = None

    def add(self, sku, price, qty=1):
        if sku in self.lines:
            self.lines[sku].qty += qty
        else:
            self.lines[sku] = Line(sku, price, 1)

    def remove(self, sku):
        self.lines.pop(sku, None)

    def subtotal(self):
        return round(sum(line.price * line.qty for line in self.lines.values()), 2)

    def total(self):
        after = self.subtotal() - discount(self.subtotal(), self.coupon)
        return round(after + shipping(after), 2)
