"""URL slugs for blog post titles."""
import re
import unicodedata


def slugify(title, max_length=50):
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).lower()
    text = " ".join(text.split())
    text = text.replace("-", " ")
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if len(text) > max_length:
        cut = text[:max_length]
        text = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return text


def unique_slug(title, existing):
    """A slug for title that is not already in existing, adding -2, -3, ... if needed."""
    base = slugify(title)
    slug, n = base, 2
    while slug in existing:
        slug = f"{base}-{n}"
        n += 1
    return slug
