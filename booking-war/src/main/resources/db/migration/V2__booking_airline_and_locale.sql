-- The flight's airline as flights named it when the booking was made, and the language the booker
-- asked for (Accept-Language), which the booking's mails are written in.
ALTER TABLE booking
  ADD COLUMN airline_code CHAR(2)      NULL AFTER flight_number,
  ADD COLUMN airline_name VARCHAR(100) NULL AFTER airline_code,
  ADD COLUMN locale       VARCHAR(8)   NOT NULL DEFAULT 'en' AFTER passenger_email;

-- Bookings made before airlines: the airline is the flight number's first two characters (flights
-- names such airlines by their designator too); only rows without one are touched.
UPDATE booking
SET airline_code = UPPER(LEFT(flight_number, 2)), airline_name = UPPER(LEFT(flight_number, 2))
WHERE airline_code IS NULL;

ALTER TABLE booking
  MODIFY airline_code CHAR(2)      NOT NULL,
  MODIFY airline_name VARCHAR(100) NOT NULL;
