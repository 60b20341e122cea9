from dataclasses import dataclass

FREE_SHIPPING_OVER = 50.0
SHIPPING_FEE = 4.95


@dataclass(frozen=True)
class Coupon:
    code: str
    percent: float = 0.0
    amount_off: float = 0.0


def discount(subtotal, coupon):
    if coupon is None:
        return 0.0
    off = subtotal * coupon.percent / 100 + coupon.amount_off
    return round(min(off, subtotal), 2)


def shipping(after_discount):
    return 0.0 if after_discount >= FREE_SHIPPING_OVER else SHIPPING_FEE
