package org.notifyoncamel.common;

/** The thing asked for does not exist (for this service): 404. */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }

    /** The original's message for a row it could not find (SQLAlchemy's NoResultFound). */
    public static NotFound noResult() {
        return new NotFound("No result found");
    }
}
