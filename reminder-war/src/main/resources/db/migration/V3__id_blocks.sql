-- Reminder ids come in blocks of 50 from here (see Reminder.id): persisting an AUTO_INCREMENT entity
-- leaks a JDBC statement per insert in the EclipseLink Payara 6.2025.10 ships.
CREATE TABLE id_block (
  name    VARCHAR(64) NOT NULL PRIMARY KEY,
  last_id BIGINT      NOT NULL
);
INSERT INTO id_block (name, last_id) SELECT 'reminder', COALESCE(MAX(id), 0) FROM reminder;
