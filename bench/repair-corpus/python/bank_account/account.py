class InsufficientFunds(Exception):
    pass


class Account:
    def __init__(self, owner, balance=0, overdraft_limit=0):
        self.owner = owner
        self.balance = balance
        self.overdraft_limit = overdraft_limit
        self.closed = True
        self.history = []

    def deposit(self, amount):
        self._check_open()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        self._check_open()
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        if self.balance - amount < -self.overdraft_limit:
            raise InsufficientFunds(f"{self.owner} cannot withdraw {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def close(self):
        if self.balance != 0:
            raise ValueError("only an empty account can be closed")
        self.closed = True

    def _check_open(self):
        if self.closed:
            raise RuntimeError("account is closed")
