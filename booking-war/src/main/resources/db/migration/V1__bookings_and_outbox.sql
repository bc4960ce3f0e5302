CREATE TABLE booking (
  reference         CHAR(6)       NOT NULL COLLATE utf8mb4_bin PRIMARY KEY,
  user_id           VARCHAR(64)   NOT NULL,
  flight_id         BIGINT        NOT NULL,
  flight_number     VARCHAR(6)    NOT NULL,
  departure_time    DATETIME(6)   NOT NULL,
  departure_airport CHAR(3)       NOT NULL,
  arrival_airport   CHAR(3)       NOT NULL,
  seats             INT           NOT NULL,
  total_price       DECIMAL(12,2) NOT NULL,
  currency          CHAR(3)       NOT NULL,
  passenger_name    VARCHAR(100)  NOT NULL,
  passenger_email   VARCHAR(254)  NOT NULL,
  status            VARCHAR(10)   NOT NULL,
  -- true while flights holds seats for this booking: a CANCELLED booking with seats held is released later
  seats_held        BOOLEAN       NOT NULL DEFAULT FALSE,
  status_reason     VARCHAR(200)  NULL,
  created_at        DATETIME(6)   NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  version           BIGINT        NOT NULL DEFAULT 0,
  KEY ix_booking_user (user_id, created_at),
  KEY ix_booking_status (status, updated_at),
  CONSTRAINT ck_booking_status CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED')),
  CONSTRAINT ck_booking_seats CHECK (seats BETWEEN 1 AND 9)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the first answer to (user, Idempotency-Key); response_status stays NULL until that answer is known
CREATE TABLE idempotency_key (
  user_id           VARCHAR(64)  NOT NULL,
  idempotency_key   VARCHAR(100) NOT NULL COLLATE utf8mb4_bin,
  booking_reference CHAR(6)      NOT NULL COLLATE utf8mb4_bin,
  response_status   INT          NULL,
  created_at        DATETIME(6)  NOT NULL,
  PRIMARY KEY (user_id, idempotency_key),
  CONSTRAINT fk_idempotency_booking FOREIGN KEY (booking_reference) REFERENCES booking (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- events written in the transaction that changes the booking; a relay publishes them to RabbitMQ
CREATE TABLE outbox_event (
  id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  event_id     CHAR(36)    NOT NULL,
  type         VARCHAR(40) NOT NULL,
  payload      TEXT        NOT NULL,
  created_at   DATETIME(6) NOT NULL,
  published_at DATETIME(6) NULL,
  attempts     INT         NOT NULL DEFAULT 0,
  last_error   VARCHAR(500) NULL,
  CONSTRAINT uq_outbox_event_id UNIQUE (event_id),
  KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
