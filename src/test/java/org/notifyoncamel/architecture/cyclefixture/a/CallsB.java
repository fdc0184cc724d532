package org.notifyoncamel.architecture.cyclefixture.a;

import org.notifyoncamel.architecture.cyclefixture.b.CallsA;

/** Half of a deliberate package cycle: shows that ArchitectureTest's cycle rule can fail. */
public final class CallsB {

    public CallsA other() {
        return new CallsA();
    }
}
