-- One database per service (server-config/services). The services' user `airline` (MARIADB_USER in
-- docker-compose.yml, created by the image before this file runs) gets these and nothing else.
-- Runs once, on the first start with an empty data volume.
CREATE DATABASE IF NOT EXISTS airline_auth CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS airline_flights CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS airline_booking CHARACTER SET utf8mb4;
CREATE DATABASE IF NOT EXISTS airline_reminder CHARACTER SET utf8mb4;
GRANT ALL PRIVILEGES ON airline_auth.* TO 'airline'@'%';
GRANT ALL PRIVILEGES ON airline_flights.* TO 'airline'@'%';
GRANT ALL PRIVILEGES ON airline_booking.* TO 'airline'@'%';
GRANT ALL PRIVILEGES ON airline_reminder.* TO 'airline'@'%';
