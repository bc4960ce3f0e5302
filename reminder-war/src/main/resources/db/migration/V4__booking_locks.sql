-- One row per booking, locked by each event of that booking before it reads or writes the
-- booking's reminders: a booking's created and cancelled events, consumed at the same moment by
-- two sessions, would otherwise each miss the other's uncommitted rows (reminders left SCHEDULED
-- for a cancelled booking).
CREATE TABLE booking_lock (
  booking_reference CHAR(6) NOT NULL COLLATE utf8mb4_bin PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
