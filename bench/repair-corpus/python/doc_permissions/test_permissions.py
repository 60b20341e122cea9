from permissions import Document, User, can_edit, can_view, visible_documents

ALICE = User("alice")
BOB = User("bob")
ROOT = User("root", {"admin"})


def test_shared_user_can_view_but_not_edit():
    doc = Document("alice", shared_with={"bob"})
    assert can_view(BOB, doc) and not can_edit(BOB, doc)


def test_owner_can_edit_unlocked_document():
    assert can_edit(ALICE, Document("alice"))


def test_owner_cannot_edit_locked_document():
    assert not can_edit(ALICE, Document("alice", locked=True))


def test_admin_can_edit_locked_document():
    assert can_edit(ROOT, Document("alice", locked=True))


def test_visible_documents():
    docs = [Document("alice"), Document("bob"), Document("carol", shared_with={"alice"})]
    assert [d.owner for d in visible_documents(ALICE, docs)] == ["alice", "carol"]
