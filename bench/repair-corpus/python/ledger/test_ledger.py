import pytest

from ledger import Ledger


@pytest.fixture
def ledger():
    book = Ledger()
    book.open("ana", 100)
    book.open("ben", 20)
    return book


def test_opening_balances(ledger):
    assert ledger.balances == {"ana": 100, "ben": 20}


def test_transfer_moves_money(ledger):
    ledger.transfer("ana", "ben", 30)
    assert ledger.balances == {"ana": 70, "ben": 50}


def test_transfer_keeps_total(ledger):
    ledger.transfer("ben", "ana", 5)
    assert ledger.total() == 120


def test_overdrawn_transfer_is_refused(ledger):
    with pytest.raises(ValueError):
        ledger.transfer("ben", "ana", 21)


def test_history_lists_transfers(ledger):
    ledger.transfer("ana", "ben", 1)
    assert ledger.history("ben") == [("ana", "ben", 1)]
