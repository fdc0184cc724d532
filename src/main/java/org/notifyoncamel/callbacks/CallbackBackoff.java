package org.notifyoncamel.callbacks;

import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a failed callback is tried again (docs/adr/0170-callback-backoff-suspension-and-parking.md): after
 * {@code retries} earlier retries the delay is {@code min(base × multiplier^retries, cap)}, moved by a uniform
 * jitter of up to ± {@code jitter × delay}, rounded and kept within [1, cap] seconds (cds-snc/notification-api
 * app/celery/service_callback_tasks.py, with our multiplier). The cap never exceeds the SQS delay limit
 * (900 s), since a retry is an SQS-delayed message. Jitter spreads the retries of a burst of callbacks that
 * failed together, so a recovering endpoint is not hit by all of them in the same second.
 */
@Component
public class CallbackBackoff {

    public static final int SQS_MAX_DELAY_SECONDS = 900;

    private final double baseSeconds;
    private final double multiplier;
    private final int capSeconds;
    private final double jitter;
    private final RandomGenerator random;

    @Autowired
    public CallbackBackoff(@Value("${notify.callbacks.retry-delay-seconds}") int baseSeconds,
                           @Value("${notify.callbacks.retry-backoff-multiplier}") double multiplier,
                           @Value("${notify.callbacks.retry-max-delay-seconds}") int capSeconds,
                           @Value("${notify.callbacks.retry-jitter-factor}") double jitter) {
        this(baseSeconds, multiplier, capSeconds, jitter, RandomGenerator.getDefault());
    }

    /** With the random source given (a seeded one in tests). */
    public CallbackBackoff(int baseSeconds, double multiplier, int capSeconds, double jitter, RandomGenerator random) {
        if (baseSeconds < 1 || multiplier < 1 || capSeconds < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("callback backoff needs base >= 1 s, multiplier >= 1, cap >= 1 s and 0 <= jitter <= 1");
        }
        this.baseSeconds = baseSeconds;
        this.multiplier = multiplier;
        this.capSeconds = Math.min(capSeconds, SQS_MAX_DELAY_SECONDS);
        this.jitter = jitter;
        this.random = random;
    }

    /** Seconds to wait before retry number {@code retries + 1}. */
    public int delaySeconds(int retries) {
        double delay = Math.min(baseSeconds * Math.pow(multiplier, Math.max(0, retries)), capSeconds);
        if (jitter > 0) {
            delay += delay * jitter * (2 * random.nextDouble() - 1);
        }
        return (int) Math.max(1, Math.min(capSeconds, Math.round(delay)));
    }
}
