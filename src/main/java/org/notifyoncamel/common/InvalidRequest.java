package org.notifyoncamel.common;

/** The request breaks a rule of the domain: 400. The payload is a message or field -> messages. */
public final class InvalidRequest extends DomainException {

    public InvalidRequest(Object payload) {
        super(payload);
    }
}
