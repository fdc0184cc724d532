package org.notifyoncamel.commands;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the billing set-up commands: annual_billing allowances and provider_rates. */
@Component
public class BillingSetupStore {

    /** The free SMS allowance when neither the service's history nor its organisation type gives one (FREE_SMS_TIER_FRAGMENT_COUNT). */
    static final int DEFAULT_FREE_SMS_FRAGMENT_LIMIT = 250_000;

    /** A service that has no allowance for the year, with the allowance it should get. */
    public record Allowance(UUID serviceId, int freeSmsFragmentLimit, String source) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public BillingSetupStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Active services without an annual_billing row for the year, each with its latest allowance
     * (highest earlier or later financial year), else its organisation type's allowance, else the default.
     */
    public List<Allowance> missingAllowances(int year) {
        return jdbc.query("""
                SELECT s.id,
                       (SELECT a.free_sms_fragment_limit FROM annual_billing a WHERE a.service_id = s.id
                         ORDER BY a.financial_year_start DESC, a.created_at DESC LIMIT 1) AS latest,
                       o.annual_free_sms_fragment_limit AS by_type
                  FROM services s LEFT JOIN organisation_types o ON o.name = s.organisation_type
                 WHERE s.active
                   AND NOT EXISTS (SELECT 1 FROM annual_billing a WHERE a.service_id = s.id AND a.financial_year_start = :year)
                 ORDER BY s.created_at, s.id""", Map.of("year", year), (rs, i) -> {
            UUID id = rs.getObject(1, UUID.class);
            Number latest = (Number) rs.getObject(2);
            Number byType = (Number) rs.getObject(3);
            if (latest != null) {
                return new Allowance(id, latest.intValue(), "latest allowance");
            }
            if (byType != null) {
                return new Allowance(id, byType.intValue(), "organisation type");
            }
            return new Allowance(id, DEFAULT_FREE_SMS_FRAGMENT_LIMIT, "default");
        });
    }

    /** Inserts the year's row unless one appeared meanwhile (the table has no unique key on the year). */
    @Transactional
    public boolean createAllowance(UUID serviceId, int year, int limit) {
        // serialise concurrent runs per service: the table has no unique key to do it
        jdbc.queryForList("SELECT id FROM services WHERE id = :service FOR UPDATE", Map.of("service", serviceId), UUID.class);
        return jdbc.update("""
                INSERT INTO annual_billing (id, service_id, financial_year_start, free_sms_fragment_limit, created_at)
                SELECT :id, :service, :year, :limit, :now
                 WHERE NOT EXISTS (SELECT 1 FROM annual_billing WHERE service_id = :service AND financial_year_start = :year)""",
                Map.of("id", UUID.randomUUID(), "service", serviceId, "year", year, "limit", limit, "now", now())) == 1;
    }

    public Optional<UUID> providerId(String identifier) {
        return jdbc.queryForList("SELECT id FROM provider_details WHERE identifier = :identifier",
                Map.of("identifier", identifier), UUID.class).stream().findFirst();
    }

    public UUID createProviderRate(UUID providerId, LocalDateTime validFrom, BigDecimal rate) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO provider_rates (id, valid_from, rate, provider_id) VALUES (:id, :validFrom, :rate, :provider)",
                Map.of("id", id, "validFrom", Timestamp.valueOf(validFrom), "rate", rate, "provider", providerId));
        return id;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
    }
}
