package org.notifyoncamel.architecture.cyclefixture.b;

import org.notifyoncamel.http.AdminError;

/** A store that throws an HTTP error: shows that ArchitectureTest's store rule can fail. */
public final class HttpStore {

    public void refuse() {
        throw AdminError.noResultFound();
    }
}
