package org.notifyoncamel.receipts;

import java.util.Map;
import java.util.Optional;

/** The provider status mappings of notifications-api app/clients/sms/mmg.py and firetext.py. */
public final class SmsStatuses {

    public static final String DELIVERED = "delivered";
    public static final String PERMANENT_FAILURE = "permanent-failure";
    public static final String TEMPORARY_FAILURE = "temporary-failure";
    public static final String PENDING = "pending";

    private static final Map<String, String> MMG = Map.of(
            "2", PERMANENT_FAILURE,
            "3", DELIVERED,
            "4", TEMPORARY_FAILURE,
            "5", PERMANENT_FAILURE);

    private static final Map<String, String> FIRETEXT = Map.of(
            "0", DELIVERED,
            "1", PERMANENT_FAILURE,
            "2", PENDING);

    /** Firetext failure codes; applied to any provider's permanent failure (quirk 8.9, kept). */
    private static final Map<String, String> FIRETEXT_CODES = Map.of(
            "101", PERMANENT_FAILURE,
            "102", TEMPORARY_FAILURE,
            "103", TEMPORARY_FAILURE,
            "104", TEMPORARY_FAILURE,
            "201", PERMANENT_FAILURE,
            "301", PERMANENT_FAILURE,
            "302", TEMPORARY_FAILURE,
            "401", PERMANENT_FAILURE,
            "900", TEMPORARY_FAILURE);

    private SmsStatuses() {
    }

    /** The Notify status for a provider's status; empty when the status is unknown. */
    public static Optional<String> map(String clientName, String status) {
        Map<String, String> table = "MMG".equalsIgnoreCase(clientName) ? MMG : FIRETEXT;
        return Optional.ofNullable(table.get(status));
    }

    /** A Firetext failure code's status; empty for no code, {@code 000} and unknown codes. */
    public static Optional<String> forCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(FIRETEXT_CODES.get(code));
    }

    public static boolean isKnownCode(String code) {
        return code == null || "000".equals(code) || FIRETEXT_CODES.containsKey(code);
    }

    /**
     * The status to store: a permanent failure with a failure code takes the code's status; a
     * permanent failure after {@code pending} is stored as a temporary failure.
     */
    public static String decide(String mapped, String detailedCode, String currentStatus) {
        String status = mapped;
        if (PERMANENT_FAILURE.equals(mapped) && detailedCode != null && !"000".equals(detailedCode)) {
            status = forCode(detailedCode).orElse(mapped);
        }
        if (PENDING.equals(currentStatus) && PERMANENT_FAILURE.equals(status)) {
            status = TEMPORARY_FAILURE;
        }
        return status;
    }
}
