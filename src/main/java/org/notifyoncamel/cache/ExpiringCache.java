package org.notifyoncamel.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small in-process read-through cache whose entries live for a fixed time. Absent values
 * (empty Optionals) are cached too, so unknown ids do not hit the database on every request.
 * <p>
 * One load per key at a time (docs/adr/0072): callers that miss while a load of the same key is in flight wait
 * for that load instead of starting their own, and while an expired entry is being reloaded the other callers
 * get the expired value (at most one load's time old). Without this, every request of a busy service missed
 * at the same instant when the entry expired and each one took a database connection to load the same row.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, CompletableFuture<Optional<V>>> loading = new ConcurrentHashMap<>();
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
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt() - nanoClock.getAsLong() > 0) {
            return entry.value();
        }
        CompletableFuture<Optional<V>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<V>> inFlight = loading.putIfAbsent(key, mine);
        if (inFlight != null) {
            if (entry != null) {
                return entry.value();
            }
            try {
                return inFlight.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }
        try {
            Optional<V> loaded = loader.apply(key);
            // an eviction during the load removed our future: the loaded value may predate the change, so it is not kept
            if (loading.get(key) == mine) {
                store(key, loaded);
            }
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    private void store(K key, Optional<V> loaded) {
        long now = nanoClock.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.entrySet().removeIf(e -> e.getValue().expiresAt() - now <= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(loaded, now + ttlNanos));
    }

    public void evict(K key) {
        loading.remove(key);
        entries.remove(key);
    }

    public void evictIf(Predicate<K> matches) {
        loading.keySet().removeIf(matches);
        entries.keySet().removeIf(matches);
    }

    public int size() {
        return entries.size();
    }
}
