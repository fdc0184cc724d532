package org.notifyoncamel.simulators;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the provider simulators behave (notify.simulators.*). Mutable at run time so that a test, or a
 * developer through a debugger, can switch a failure mode on and off without a restart; {@link #reset()}
 * restores the configuration.
 */
@Component
public class SimulatorSettings {

    private final Defaults defaults;
    private volatile long latencyMs;
    private volatile int mmgErrorPercent;
    private volatile int mmgTimeoutPercent;
    private volatile int firetextErrorPercent;
    private volatile int firetextTimeoutPercent;
    private volatile int sesErrorPercent;
    private volatile int sesTimeoutPercent;
    private volatile int permanentFailurePercent;
    private volatile int temporaryFailurePercent;
    private volatile long timeoutMs;
    private volatile long responseDelayMs;

    record Defaults(long latencyMs, int mmgError, int mmgTimeout, int firetextError, int firetextTimeout, int sesError,
                    int sesTimeout, int permanent, int temporary, long timeoutMs, long responseDelayMs) {
    }

    public SimulatorSettings(@Value("${notify.simulators.latency-ms}") long latencyMs,
                             @Value("${notify.simulators.mmg-error-percent}") int mmgError,
                             @Value("${notify.simulators.mmg-timeout-percent}") int mmgTimeout,
                             @Value("${notify.simulators.firetext-error-percent}") int firetextError,
                             @Value("${notify.simulators.firetext-timeout-percent}") int firetextTimeout,
                             @Value("${notify.simulators.ses-error-percent}") int sesError,
                             @Value("${notify.simulators.ses-timeout-percent}") int sesTimeout,
                             @Value("${notify.simulators.permanent-failure-percent}") int permanent,
                             @Value("${notify.simulators.temporary-failure-percent}") int temporary,
                             @Value("${notify.simulators.timeout-ms}") long timeoutMs,
                             @Value("${notify.simulators.response-delay-ms}") long responseDelayMs) {
        this.defaults = new Defaults(latencyMs, mmgError, mmgTimeout, firetextError, firetextTimeout, sesError, sesTimeout,
                permanent, temporary, timeoutMs, responseDelayMs);
        reset();
    }

    public final void reset() {
        latencyMs = defaults.latencyMs();
        mmgErrorPercent = defaults.mmgError();
        mmgTimeoutPercent = defaults.mmgTimeout();
        firetextErrorPercent = defaults.firetextError();
        firetextTimeoutPercent = defaults.firetextTimeout();
        sesErrorPercent = defaults.sesError();
        sesTimeoutPercent = defaults.sesTimeout();
        permanentFailurePercent = defaults.permanent();
        temporaryFailurePercent = defaults.temporary();
        timeoutMs = defaults.timeoutMs();
        responseDelayMs = defaults.responseDelayMs();
    }

    public int errorPercent(String provider) {
        return switch (provider) {
            case "mmg" -> mmgErrorPercent;
            case "firetext" -> firetextErrorPercent;
            default -> sesErrorPercent;
        };
    }

    public int timeoutPercent(String provider) {
        return switch (provider) {
            case "mmg" -> mmgTimeoutPercent;
            case "firetext" -> firetextTimeoutPercent;
            default -> sesTimeoutPercent;
        };
    }

    public void setErrorPercent(String provider, int percent) {
        switch (provider) {
            case "mmg" -> mmgErrorPercent = percent;
            case "firetext" -> firetextErrorPercent = percent;
            default -> sesErrorPercent = percent;
        }
    }

    public void setTimeoutPercent(String provider, int percent) {
        switch (provider) {
            case "mmg" -> mmgTimeoutPercent = percent;
            case "firetext" -> firetextTimeoutPercent = percent;
            default -> sesTimeoutPercent = percent;
        }
    }

    public long latencyMs() {
        return latencyMs;
    }

    public void setLatencyMs(long latencyMs) {
        this.latencyMs = latencyMs;
    }

    public int permanentFailurePercent() {
        return permanentFailurePercent;
    }

    public void setPermanentFailurePercent(int percent) {
        this.permanentFailurePercent = percent;
    }

    public int temporaryFailurePercent() {
        return temporaryFailurePercent;
    }

    public void setTemporaryFailurePercent(int percent) {
        this.temporaryFailurePercent = percent;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    public void setTimeoutMs(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** How long an accepted send takes to answer (a slow but working provider). */
    public long responseDelayMs() {
        return responseDelayMs;
    }

    public void setResponseDelayMs(long responseDelayMs) {
        this.responseDelayMs = responseDelayMs;
    }
}
