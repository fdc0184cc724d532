package org.notifyoncamel.precompiled;

/**
 * Why a precompiled letter failed validation: the codes of template-preview that the admin app words
 * (notifications-admin app/utils.py LETTER_VALIDATION_MESSAGES).
 */
public enum FailureCode {
    UNABLE_TO_READ_THE_FILE("unable-to-read-the-file"),
    LETTER_TOO_LONG("letter-too-long"),
    LETTER_NOT_A4_PORTRAIT_ORIENTED("letter-not-a4-portrait-oriented"),
    CONTENT_OUTSIDE_PRINTABLE_AREA("content-outside-printable-area"),
    NOTIFY_TAG_FOUND_IN_CONTENT("notify-tag-found-in-content"),
    ADDRESS_IS_EMPTY("address-is-empty"),
    NOT_ENOUGH_ADDRESS_LINES("not-enough-address-lines"),
    TOO_MANY_ADDRESS_LINES("too-many-address-lines"),
    NOT_A_REAL_UK_POSTCODE("not-a-real-uk-postcode"),
    CANT_SEND_INTERNATIONAL_LETTERS("cant-send-international-letters"),
    NOT_A_REAL_UK_POSTCODE_OR_COUNTRY("not-a-real-uk-postcode-or-country"),
    INVALID_CHAR_IN_ADDRESS("invalid-char-in-address");

    private final String code;

    FailureCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
