from dataclasses import dataclass, field


@dataclass
class User:
    name: str
    roles: set = field(default_factory=set)


@dataclass
class Document:
    owner: str
    locked: bool = False
    shared_with: set = field(default_factory=set)


def is_admin(user):
    return "admin" in user.roles


def can_view(user, doc):
    return is_admin(user) or doc.owner == user.name or user.name in doc.shared_with


def can_edit(user, doc):
    """Admins can always edit; owners can edit unless the document is locked."""
    if is_admin(user):
        return True
    return doc.owner == user.name


def visible_documents(user, docs):
    return [d for d in docs if can_view(user, d)]
