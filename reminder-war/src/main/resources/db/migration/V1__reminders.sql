-- One row per (booking, kind): the truth about a reminder. EJB timers only wait for due_at.
CREATE TABLE reminder (
  id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  booking_reference CHAR(6)       NOT NULL COLLATE utf8mb4_bin,
  kind              VARCHAR(12)   NOT NULL,
  due_at            DATETIME(6)   NOT NULL,
  status            VARCHAR(10)   NOT NULL,
  attempts          INT           NOT NULL DEFAULT 0,
  last_error        VARCHAR(500)  NULL,
  claimed_at        DATETIME(6)   NULL,
  sent_at           DATETIME(6)   NULL,
  -- what the mail says
  passenger_name    VARCHAR(100)  NOT NULL,
  passenger_email   VARCHAR(254)  NOT NULL,
  flight_number     VARCHAR(6)    NOT NULL,
  departure_time    DATETIME(6)   NOT NULL,
  departure_airport CHAR(3)       NOT NULL,
  arrival_airport   CHAR(3)       NOT NULL,
  seats             INT           NOT NULL,
  created_at        DATETIME(6)   NOT NULL,
  UNIQUE KEY uq_reminder_booking_kind (booking_reference, kind),
  KEY ix_reminder_status_due (status, due_at),
  CONSTRAINT ck_reminder_kind CHECK (kind IN ('CONFIRMATION', 'T24H', 'T2H', 'CANCELLATION')),
  CONSTRAINT ck_reminder_status
    CHECK (status IN ('SCHEDULED', 'SENDING', 'SENT', 'FAILED', 'CANCELLED', 'SKIPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Events already consumed: a redelivered or duplicated event (same eventId) changes nothing.
CREATE TABLE processed_event (
  event_id          VARCHAR(64)   NOT NULL COLLATE utf8mb4_bin PRIMARY KEY,
  type              VARCHAR(40)   NOT NULL,
  booking_reference CHAR(6)       NOT NULL,
  received_at       DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
