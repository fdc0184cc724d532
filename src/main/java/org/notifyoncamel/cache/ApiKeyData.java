package org.notifyoncamel.cache;

import java.time.Instant;
import java.util.UUID;

/** An API key as authentication needs it: the decrypted secret is held in memory only. */
public record ApiKeyData(UUID id, String name, String secret, String keyType, Instant expiryDate) {

    public boolean revoked() {
        return expiryDate != null;
    }

    @Override
    public String toString() {
        return "ApiKeyData[id=" + id + ", keyType=" + keyType + ", revoked=" + revoked() + "]";
    }
}
