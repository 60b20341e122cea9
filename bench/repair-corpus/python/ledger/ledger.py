class Ledger:
    """In-memory balances with an audit log of transfers."""

    def __init__(self):
        self.balances = {}
        self.log = []

    def open(self, name, amount=0):
        if name in self.balances:
            raise ValueError(f"{name} already has an account")
        self.balances[name] = amount

    def transfer(self, src, dst, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        if src not in self.balances or dst not in self.balances:
            raise KeyError("unknown account")
        if self.balances[src] < amount:
            raise ValueError("insufficient funds")
        self.balances[src] += amount
        self.balances[dst] -= amount
        self.log.append((src, dst, amount))

    def total(self):
        return sum(self.balances.values())

    def history(self, name):
        return [entry for entry in self.log if name in entry[:2]]
