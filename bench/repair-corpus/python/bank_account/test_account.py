import pytest

from account import Account, InsufficientFunds


def test_opening_balance():
    assert Account("ana", 50).balance == 50


def test_deposit_and_withdraw_are_recorded():
    acct = Account("ana")
    acct.deposit(100)
    acct.withdraw(30)
    assert acct.balance == 70
    assert acct.history == [("deposit", 100), ("withdraw", 30)]


def test_overdraft_limit_is_respected():
    acct = Account("ben", 10, overdraft_limit=20)
    acct.withdraw(30)
    assert acct.balance == -20
    with pytest.raises(InsufficientFunds):
        acct.withdraw(1)


def test_cannot_close_with_money_in_it():
    with pytest.raises(ValueError):
        Account("cy", 5).close()


def test_closed_account_rejects_deposits():
    acct = Account("dee", 20)
    acct.withdraw(20)
    acct.close()
    with pytest.raises(RuntimeError):
        acct.deposit(1)
