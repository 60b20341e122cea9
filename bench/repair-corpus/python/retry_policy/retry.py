from dataclasses import dataclass

RETRYABLE_STATUS = frozenset({408, 429, 500, 502, 503, 504})


@dataclass
class RetryPolicy:
    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0

    def is_retryable(self, status):
        return status in RETRYABLE_STATUS

    def should_retry(self, attempts_made, status):
        if attempts_made >= self.max_attempts:
            return False
        if self.is_retryable(status):
            return False
        return True

    def delay(self, attempts_made):
        """Seconds to wait before the next attempt: exponential, capped."""
        return min(self.max_delay, self.base_delay * 2 ** (attempts_made - 1))

    def plan(self, statuses):
        """Delays a client would sleep through when the server answers with statuses in turn."""
        waits = []
        for attempt, status in enumerate(statuses, start=1):
            if not self.should_retry(attempt, status):
                break
            waits.append(self.delay(attempt))
        return waits
