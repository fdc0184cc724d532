package org.notifyoncamel.architecture.cyclefixture.b;

import org.notifyoncamel.architecture.cyclefixture.a.CallsB;

/** The other half of the deliberate package cycle. */
public final class CallsA {

    public CallsB other() {
        return new CallsB();
    }
}
