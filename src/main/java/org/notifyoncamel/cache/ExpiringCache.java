package org.notifyoncamel.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small in-process read-through cache whose entries live for a fixed time. Absent values
 * (empty Optionals) are cached too, so unknown ids do not hit the database on every request.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final int maxEntries;

    public ExpiringCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        if (ttlNanos <= 0) {
            return loader.apply(key);
        }
        long now = nanoClock.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return entry.value();
        }
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.entrySet().removeIf(e -> e.getValue().expiresAt() - now <= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(loaded, now + ttlNanos));
        return loaded;
    }

    public void evict(K key) {
        entries.remove(key);
    }

    public void evictIf(Predicate<K> matches) {
        entries.keySet().removeIf(matches);
    }

    public int size() {
        return entries.size();
    }
}
