from cart import Cart
from pricing import Coupon


def test_empty_cart_pays_only_shipping():
    assert Cart().total() == 4.95


def test_single_items_add_up():
    cart = Cart()
    cart.add("tea", 6.5)
    cart.add("mug", 12.0)
    assert cart.subtotal() == 18.5


def test_adding_the_same_item_again_increases_quantity():
    cart = Cart()
    cart.add("tea", 6.5)
    cart.add("tea", 6.5)
    assert cart.lines["tea"].qty == 2


def test_quantity_is_honoured():
    cart = Cart()
    cart.add("socks", 4.0, qty=3)
    assert cart.subtotal() == 12.0


def test_free_shipping_after_coupon():
    cart = Cart()
    cart.add("kettle", 30.0, qty=2)
    cart.coupon = Coupon("TENOFF", percent=10)
    assert cart.total() == 54.0


def test_removed_items_are_gone():
    cart = Cart()
    cart.add("tea", 6.5)
    cart.remove("tea")
    assert cart.subtotal() == 0
