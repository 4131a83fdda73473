//! How a kind of job is retried: at most so many attempts, each no longer than a timeout,
//! with an exponential backoff between them. The jitter spreads retries of many jobs that
//! failed together (a mail server that was away) so they do not return together.

use std::time::Duration;

/// The attempt limit, the backoff and the time limit of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; past it the job fails with its last error.
    pub max_attempts: u16,
    /// The wait before the second attempt; it doubles for each attempt after that.
    pub backoff_base: Duration,
    /// The longest wait between two attempts.
    pub backoff_cap: Duration,
    /// The longest one attempt may run before it counts as failed.
    pub timeout: Duration,
}

impl RetryPolicy {
    pub const fn new(
        max_attempts: u16,
        backoff_base: Duration,
        backoff_cap: Duration,
        timeout: Duration,
    ) -> Self {
        Self {
            max_attempts,
            backoff_base,
            backoff_cap,
            timeout,
        }
    }

    /// The wait after attempt number `attempt` (1 for the first) failed. `jitter` is a
    /// random number in [0, 1): the wait is the exponential step scaled into its upper
    /// half, so it never drops below half the step and never exceeds the cap.
    pub fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let doublings = attempt.saturating_sub(1).min(30);
        let step = self
            .backoff_base
            .saturating_mul(1 << doublings)
            .min(self.backoff_cap);
        step.mul_f64(0.5 + 0.5 * jitter.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const POLICY: RetryPolicy = RetryPolicy::new(
        5,
        Duration::from_secs(10),
        Duration::from_secs(300),
        Duration::from_secs(60),
    );

    #[test]
    fn the_wait_doubles_until_the_cap() {
        assert_eq!(POLICY.backoff(1, 1.0), Duration::from_secs(10));
        assert_eq!(POLICY.backoff(2, 1.0), Duration::from_secs(20));
        assert_eq!(POLICY.backoff(3, 0.0), Duration::from_secs(20));
        assert_eq!(POLICY.backoff(10, 1.0), Duration::from_secs(300));
        assert_eq!(POLICY.backoff(u32::MAX, 1.0), Duration::from_secs(300));
        assert_eq!(POLICY.backoff(0, 1.0), Duration::from_secs(10));
    }

    proptest! {
        #[test]
        fn the_wait_stays_within_half_a_step_and_the_cap(attempt in 1u32..64, jitter in 0.0f64..1.0) {
            let wait = POLICY.backoff(attempt, jitter);
            let step = POLICY.backoff(attempt, 1.0);
            prop_assert!(wait <= POLICY.backoff_cap);
            prop_assert!(wait * 2 >= step);
            prop_assert!(wait <= step);
        }
    }
}
