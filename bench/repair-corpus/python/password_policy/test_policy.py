from policy import check_password, strength


def test_good_password_breaks_no_rules():
    assert check_password("Tr0ub4dor&Horse") == []


def test_all_lowercase_needs_mixed_case():
    assert check_password("correct7horse!") == ["needs upper and lower case"]


def test_all_uppercase_needs_mixed_case():
    assert check_password("BATTERY#STAPLE9") == ["needs upper and lower case"]


def test_short_password_without_digit():
    assert check_password("Ab!", min_length=8) == ["too short", "needs a digit"]


def test_common_password_is_flagged():
    assert "too common" in check_password("Password1!")


def test_strength_labels():
    assert [strength("Tr0ub4dor&Horse"), strength("Tr0ub4dorHorse"), strength("abc")] == ["strong", "fair", "weak"]
