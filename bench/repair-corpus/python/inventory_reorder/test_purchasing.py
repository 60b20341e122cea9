from purchasing import order_value, purchase_order
from stock import Item, reorder_quantity


def test_well_stocked_item_needs_nothing():
    assert reorder_quantity(Item("BOLT-M6", on_hand=500, reorder_point=100, target=600)) == 0


def test_reorder_up_to_target():
    assert reorder_quantity(Item("NUT-M6", on_hand=40, reorder_point=50, target=200)) == 160


def test_reorder_rounds_up_to_whole_packs():
    assert reorder_quantity(Item("WASHER", on_hand=5, reorder_point=20, target=100, pack_size=25)) == 100


def test_misconfigured_target_orders_nothing():
    assert reorder_quantity(Item("GASKET", on_hand=10, reorder_point=10, target=8)) == 0


def test_purchase_order_lists_only_low_items():
    items = [
        Item("SCREW", on_hand=3, reorder_point=10, target=50, pack_size=10),
        Item("ANCHOR", on_hand=90, reorder_point=10, target=100),
        Item("HINGE", on_hand=0, reorder_point=2, target=6),
    ]
    assert purchase_order(items) == [("HINGE", 6), ("SCREW", 50)]


def test_order_value():
    assert order_value([("HINGE", 6), ("SCREW", 50)], {"HINGE": 2.5, "SCREW": 0.04}) == 17.0
