from stock import reorder_quantity


def purchase_order(items):
    """(sku, quantity) lines for every item that needs restocking, sorted by sku."""
    lines = []
    for item in sorted(items, key=lambda i: i.sku):
        qty = reorder_quantity(item)
        if qty:
            lines.append((item.sku, qty))
    return lines


def order_value(lines, unit_prices):
    return round(sum(unit_prices[sku] * qty for sku, qty in lines), 2)
