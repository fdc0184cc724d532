package org.notifyoncamel.senders;

/**
 * The three kinds of sender a service has, written once: the table, the column (and JSON field) holding
 * the sender, the list order and the rules that differ (the original's {@code app/dao/service_sms_sender_dao.py},
 * {@code service_email_reply_to_dao.py} and {@code service_letter_contact_dao.py}).
 */
public enum SenderKind {

    SMS_SENDER("service_sms_senders", "sms_sender", "created_at",
            "You must have at least one SMS sender as the default", "You cannot delete a default sms sender", false),
    EMAIL_REPLY_TO("service_email_reply_to", "email_address", "created_at DESC",
            "You must have at least one reply to email address as the default.", "You cannot delete a default email reply to address", true),
    /** Letters may have no default at all, and a default may be archived. */
    LETTER_CONTACT("service_letter_contacts", "contact_block", "created_at DESC", null, null, true);

    final String table;
    private final String field;
    final String order;
    /** Refusal when a change would leave no default; null when a default is optional. */
    final String needsDefault;
    /** Refusal to archive the default; null when allowed. */
    final String defaultNotArchivable;
    private final boolean writesWrapped;

    SenderKind(String table, String field, String order, String needsDefault, String defaultNotArchivable, boolean writesWrapped) {
        this.table = table;
        this.field = field;
        this.order = order;
        this.needsDefault = needsDefault;
        this.defaultNotArchivable = defaultNotArchivable;
        this.writesWrapped = writesWrapped;
    }

    /** The column, request field and response field holding the sender itself. */
    public String field() {
        return field;
    }

    /** Whether add and update answer {@code {"data": sender}} (reply-to, letter contact) or the bare sender (SMS). */
    public boolean writesWrapped() {
        return writesWrapped;
    }

    String columns() {
        return "id, service_id, " + field + ", is_default, archived, " + (this == SMS_SENDER ? "inbound_number_id" : "NULL::uuid")
                + ", created_at, updated_at";
    }
}
