from loan import monthly_payment, schedule, total_interest


def test_interest_free_loan_splits_evenly():
    assert monthly_payment(1200, 0, 1) == 100.0


def test_thirty_year_mortgage_payment():
    assert monthly_payment(100_000, 0.06, 30) == 599.55


def test_car_loan_payment():
    assert monthly_payment(20_000, 0.045, 5) == 372.86


def test_schedule_has_one_row_per_month():
    assert len(schedule(5_000, 0.08, 2)) == 24


def test_first_month_interest_and_principal():
    month, interest, paid, balance = schedule(12_000, 0.12, 1)[0]
    assert (month, interest, paid, balance) == (1, 120.0, 946.19, 11053.81)


def test_total_interest_on_one_year_loan():
    assert total_interest(12_000, 0.12, 1) == 794.23
