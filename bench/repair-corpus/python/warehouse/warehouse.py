class Warehouse:
    def __init__(self):
        self.stock = {}

    def receive(self, sku, qty):
        if qty <= 0:
            raise ValueError("quantity must be positive")
        self.stock[sku] = self.stock.get(sku, 0) + qty

    def available(self, sku):
        return self.stock.get(sku, 0)

    def can_fulfil(self, order):
        """True if every line of the order (sku -> quantity) is in stock."""
        return not all(self.available(sku) >= qty for sku, qty in order.items())

    def ship(self, order):
        if not self.can_fulfil(order):
            raise ValueError("insufficient stock")
        for sku, qty in order.items():
            self.stock[sku] -= qty

    def low_stock(self, threshold):
        return sorted(sku for sku, qty in self.stock.items() if qty < threshold)
