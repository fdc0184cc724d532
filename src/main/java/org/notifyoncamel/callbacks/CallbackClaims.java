package org.notifyoncamel.callbacks;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.notifyoncamel.common.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A claim per callback queue message (ADR 0196): before a callback is posted, its SQS message id is claimed in
 * {@code service_callback_claims}; once the attempt has ended (sent, refused, parked, or a retry published as a new
 * message) the claim is marked done. A message SQS delivers again (a worker died after the POST, before the
 * delete) finds its claim done, or still in flight, and is not posted twice. A claim left in flight by a worker that
 * died before posting is taken over after {@code notify.callbacks.claim-lease-seconds}, which is shorter than the
 * queue's visibility timeout, so the redelivered message is sent then. Exchanges without a message id (called
 * directly, not from a queue) are not claimed.
 */
@Component("callbackClaims")
public class CallbackClaims {

    /** The SQS message id header of camel-aws2-sqs consumers. */
    static final String MESSAGE_ID = "CamelAwsSqsMessageId";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackClaims.class);

    private final JdbcTemplate jdbc;
    private final Duration lease;
    private final Duration keep;

    public CallbackClaims(JdbcTemplate jdbc, @Value("${notify.callbacks.claim-lease-seconds:120}") long leaseSeconds,
                          @Value("${notify.callbacks.claim-keep-days:14}") long keepDays) {
        this.jdbc = jdbc;
        this.lease = Duration.ofSeconds(leaseSeconds);
        this.keep = Duration.ofDays(keepDays);
    }

    /** True when this exchange may post its callback: its message is claimed now, or it has no message id. */
    public boolean claim(Exchange exchange) {
        String messageId = exchange.getMessage().getHeader(MESSAGE_ID, String.class);
        if (messageId == null) {
            return true;
        }
        Instant now = Timestamps.now();
        boolean claimed = !jdbc.queryForList("""
                INSERT INTO service_callback_claims (message_id, claimed_at) VALUES (?, ?)
                ON CONFLICT (message_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
                WHERE service_callback_claims.done_at IS NULL AND service_callback_claims.claimed_at < ?
                RETURNING message_id""", String.class, messageId, Timestamps.toSql(now), Timestamps.toSql(now.minus(lease))).isEmpty();
        if (!claimed) {
            LOG.info("Callback message {} delivered again after its callback was sent or while it is in flight: not sent twice", messageId);
        }
        return claimed;
    }

    /** The attempt of this exchange's message has ended: a later delivery of the message sends nothing. */
    public void done(Exchange exchange) {
        String messageId = exchange.getMessage().getHeader(MESSAGE_ID, String.class);
        if (messageId != null) {
            jdbc.update("UPDATE service_callback_claims SET done_at = ? WHERE message_id = ?", Timestamps.toSql(Timestamps.now()), messageId);
        }
    }

    /** Nightly: claims older than any message SQS can still deliver (its 14-day maximum retention by default). */
    public int deleteOld() {
        int deleted = jdbc.update("DELETE FROM service_callback_claims WHERE claimed_at < ?", Timestamps.toSql(Timestamps.now().minus(keep)));
        LOG.info("delete-old-callback-claims: {} claims deleted", deleted);
        return deleted;
    }
}
