CREATE TABLE city (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  country    CHAR(2)      NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  CONSTRAINT uq_city_name_country UNIQUE (name, country)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE airport (
  code       CHAR(3)      NOT NULL COLLATE utf8mb4_bin PRIMARY KEY,
  name       VARCHAR(150) NOT NULL,
  city_id    BIGINT       NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  KEY ix_airport_city (city_id),
  KEY ix_airport_name (name),
  CONSTRAINT fk_airport_city FOREIGN KEY (city_id) REFERENCES city (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE airplane (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  model      VARCHAR(100) NOT NULL,
  capacity   INT          NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  CONSTRAINT ck_airplane_capacity CHECK (capacity BETWEEN 1 AND 1000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- available_seats is the seat inventory: only a conditional UPDATE ... WHERE available_seats >= n takes seats
CREATE TABLE flight (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  flight_number     VARCHAR(6)    NOT NULL,
  airplane_id       BIGINT        NOT NULL,
  departure_airport CHAR(3)       NOT NULL COLLATE utf8mb4_bin,
  arrival_airport   CHAR(3)       NOT NULL COLLATE utf8mb4_bin,
  departs_at        DATETIME(6)   NOT NULL,
  arrives_at        DATETIME(6)   NOT NULL,
  price             DECIMAL(10,2) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  total_seats       INT           NOT NULL,
  available_seats   INT           NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  CONSTRAINT uq_flight_number_departure UNIQUE (flight_number, departs_at),
  KEY ix_flight_route_departure (departure_airport, arrival_airport, departs_at),
  KEY ix_flight_departure (departure_airport, departs_at),
  KEY ix_flight_arrival (arrival_airport, departs_at),
  KEY ix_flight_departs_at (departs_at),
  KEY ix_flight_price (price),
  CONSTRAINT fk_flight_airplane FOREIGN KEY (airplane_id) REFERENCES airplane (id),
  CONSTRAINT fk_flight_departure_airport FOREIGN KEY (departure_airport) REFERENCES airport (code),
  CONSTRAINT fk_flight_arrival_airport FOREIGN KEY (arrival_airport) REFERENCES airport (code),
  CONSTRAINT ck_flight_seats CHECK (available_seats BETWEEN 0 AND total_seats),
  CONSTRAINT ck_flight_times CHECK (arrives_at > departs_at),
  CONSTRAINT ck_flight_airports CHECK (departure_airport <> arrival_airport),
  CONSTRAINT ck_flight_price CHECK (price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one row per (flight, booking reference): what makes reserve and release idempotent
CREATE TABLE seat_reservation (
  flight_id         BIGINT      NOT NULL,
  booking_reference VARCHAR(16) NOT NULL COLLATE utf8mb4_bin,
  seats             INT         NOT NULL,
  status            VARCHAR(10) NOT NULL,
  created_at        DATETIME(6) NOT NULL,
  released_at       DATETIME(6) NULL,
  PRIMARY KEY (flight_id, booking_reference),
  CONSTRAINT fk_seat_reservation_flight FOREIGN KEY (flight_id) REFERENCES flight (id) ON DELETE CASCADE,
  CONSTRAINT ck_seat_reservation_status CHECK (status IN ('HELD', 'RELEASED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
