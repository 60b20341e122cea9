from dataclasses import dataclass


@dataclass
class Item:
    sku: str
    on_hand: int
    reorder_point: int
    target: int
    pack_size: int = 1

    def needs_reorder(self):
        return self.on_hand <= self.reorder_point


def reorder_quantity(item):
    """Units to order to bring stock back up to target, in whole packs."""
    if not item.needs_reorder():
        return 0
    shortfall = min(0, item.target - item.on_hand)
    packs = -(-shortfall // item.pack_size)
    return packs * item.pack_size
