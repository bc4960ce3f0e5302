-- Ids of what the API creates come in blocks of 50 from here (see City.id, Airplane.id, Flight.id):
-- persisting an AUTO_INCREMENT entity leaks a JDBC statement per insert in the EclipseLink Payara
-- 6.2025.10 ships (eclipse-ee4j/eclipselink#2366). The demo loader inserts with AUTO_INCREMENT and
-- then moves these past its rows.
CREATE TABLE id_block (
  name    VARCHAR(64) NOT NULL PRIMARY KEY,
  last_id BIGINT      NOT NULL
);
INSERT INTO id_block (name, last_id) SELECT 'city', COALESCE(MAX(id), 0) FROM city;
INSERT INTO id_block (name, last_id) SELECT 'airplane', COALESCE(MAX(id), 0) FROM airplane;
INSERT INTO id_block (name, last_id) SELECT 'flight', COALESCE(MAX(id), 0) FROM flight;
