package org.notifyoncamel.crypto;

import java.util.List;

/**
 * Where a secret lives: its binding ({@code table.column}) is the AES-GCM associated data of its ciphertext
 * (ADR 0004, amended), so a value copied into another column fails to decrypt. A history table holds copies of its
 * live table's values and shares its binding; {@link #tables()} lists every table that holds the column
 * ({@code rotate-secrets} re-encrypts them all).
 */
public enum SecretColumn {
    API_KEY_SECRET("api_keys.secret", "api_keys", "api_keys_history"),
    SERVICE_CALLBACK_BEARER_TOKEN("service_callback_api.bearer_token", "service_callback_api", "service_callback_api_history"),
    SERVICE_INBOUND_BEARER_TOKEN("service_inbound_api.bearer_token", "service_inbound_api", "service_inbound_api_history"),
    NOTIFICATION_PERSONALISATION("notifications._personalisation", "notifications"),
    INBOUND_SMS_CONTENT("inbound_sms.content", "inbound_sms"),
    BROADCAST_PERSONALISATION("broadcast_message._personalisation", "broadcast_message"),
    /** Not a column: the callback task's snapshot (URL, bearer token, body) on the queue; nothing to rotate. */
    CALLBACK_TASK_PAYLOAD("callback_task.payload");

    private final String binding;
    private final List<String> tables;

    SecretColumn(String binding, String... tables) {
        this.binding = binding;
        this.tables = List.of(tables);
    }

    /** {@code table.column} of the live table: the associated data. */
    public String binding() {
        return binding;
    }

    /** The column's name in each of {@link #tables()}. */
    public String column() {
        return binding.substring(binding.indexOf('.') + 1);
    }

    /** Tables holding values of this binding (the live table and its history), empty when it is not stored. */
    public List<String> tables() {
        return tables;
    }
}
