package org.notifyoncamel.common;

/** The request clashes with what is already stored (a duplicate): 409. */
public final class Conflict extends DomainException {

    public Conflict(Object payload) {
        super(payload);
    }
}
