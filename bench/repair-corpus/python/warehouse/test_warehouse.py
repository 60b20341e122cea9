import pytest

from warehouse import Warehouse


@pytest.fixture
def wh():
    w = Warehouse()
    w.receive("mug", 10)
    w.receive("plate", 4)
    return w


def test_receive_adds_up(wh):
    wh.receive("mug", 5)
    assert wh.available("mug") == 15


def test_order_in_stock_can_be_fulfilled(wh):
    assert wh.can_fulfil({"mug": 10, "plate": 1}) is True


def test_order_for_unknown_item_cannot_be_fulfilled(wh):
    assert wh.can_fulfil({"bowl": 1}) is False


def test_ship_reduces_stock(wh):
    wh.ship({"mug": 3})
    assert wh.available("mug") == 7


def test_ship_refuses_partial_orders(wh):
    with pytest.raises(ValueError):
        wh.ship({"mug": 1, "plate": 5})


def test_low_stock(wh):
    assert wh.low_stock(5) == ["plate"]
