-- An airline owns the flight numbers that start with its IATA designator.
CREATE TABLE airline (
  code       CHAR(2)      NOT NULL COLLATE utf8mb4_bin PRIMARY KEY,
  icao       CHAR(3)      NULL COLLATE utf8mb4_bin,
  name       VARCHAR(100) NOT NULL,
  -- NULL only for the airlines this migration makes from flight numbers: nobody told their country
  country    CHAR(2)      NULL,
  active     BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at DATETIME(6)  NOT NULL,
  CONSTRAINT uq_airline_icao UNIQUE (icao),
  KEY ix_airline_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE flight ADD COLUMN airline_code CHAR(2) NULL COLLATE utf8mb4_bin AFTER flight_number;

-- Every existing flight belongs to the airline its number's first two characters name; an airline
-- nobody created is created, named by its designator, for an admin to complete. Both statements
-- only touch flights without an airline, so running them again changes nothing.
INSERT INTO airline (code, name, active, created_at)
SELECT DISTINCT UPPER(LEFT(f.flight_number, 2)), UPPER(LEFT(f.flight_number, 2)), TRUE, UTC_TIMESTAMP(6)
FROM flight f
WHERE f.airline_code IS NULL
  AND NOT EXISTS (SELECT 1 FROM airline a WHERE a.code = UPPER(LEFT(f.flight_number, 2)));

UPDATE flight SET airline_code = UPPER(LEFT(flight_number, 2)) WHERE airline_code IS NULL;

ALTER TABLE flight
  MODIFY airline_code CHAR(2) NOT NULL COLLATE utf8mb4_bin,
  ADD KEY ix_flight_airline_departure (airline_code, departs_at),
  ADD CONSTRAINT fk_flight_airline FOREIGN KEY (airline_code) REFERENCES airline (code);
