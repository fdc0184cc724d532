-- Letter rates in effect from 1 February 2021 (letters.md 7.3; the original's migration 0341_new_letter_rates):
-- rate = (base + k * sheets) / 100 pounds, base 34 second, 64 first, 81 europe and rest-of-world; k = 5 UK, 8
-- international; the same for crown and non-crown services. Billing (scheduling.BillingFacts) takes the newest row
-- with start_date <= the London midnight of the day, matching crown, sheet_count = billable_units and post_class.
CREATE TABLE letter_rates (
    id uuid NOT NULL,
    start_date timestamp NOT NULL,
    end_date timestamp,
    sheet_count integer NOT NULL,
    rate numeric NOT NULL,
    crown boolean NOT NULL,
    post_class varchar NOT NULL,
    CONSTRAINT letter_rates_pkey PRIMARY KEY (id)
);
CREATE INDEX ix_letter_rates_lookup ON letter_rates (post_class, sheet_count, crown, start_date);

INSERT INTO letter_rates (id, start_date, end_date, sheet_count, rate, crown, post_class)
SELECT gen_random_uuid(), TIMESTAMP '2021-02-01 00:00:00', NULL, sheets,
       (CASE post_class WHEN 'second' THEN 34 WHEN 'first' THEN 64 ELSE 81 END
        + CASE WHEN post_class IN ('first', 'second') THEN 5 ELSE 8 END * sheets) / 100.0,
       crown, post_class
FROM generate_series(1, 5) AS sheets,
     (VALUES (true), (false)) AS crowns (crown),
     (VALUES ('second'), ('first'), ('europe'), ('rest-of-world')) AS classes (post_class);
