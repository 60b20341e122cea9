from retry import RetryPolicy


def test_delays_double_and_are_capped():
    policy = RetryPolicy(base_delay=1, max_delay=5)
    assert [policy.delay(n) for n in range(1, 6)] == [1, 2, 4, 5, 5]


def test_server_errors_are_retried():
    assert RetryPolicy().should_retry(1, 503) is True


def test_client_errors_are_not_retried():
    assert RetryPolicy().should_retry(1, 404) is False


def test_gives_up_after_max_attempts():
    assert RetryPolicy(max_attempts=3).should_retry(3, 500) is False


def test_plan_stops_at_first_success():
    assert RetryPolicy().plan([500, 429, 200, 500]) == [0.5, 1.0]
