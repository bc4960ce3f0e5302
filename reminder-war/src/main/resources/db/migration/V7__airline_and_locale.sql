-- The booking's airline and the language its mails are written in, from the booking event (both
-- optional there: older events carry neither). NULL airline_code: the flight number's first two
-- characters; NULL locale: English.
ALTER TABLE reminder
  ADD COLUMN airline_code VARCHAR(3)   NULL,
  ADD COLUMN airline_name VARCHAR(100) NULL,
  ADD COLUMN locale       VARCHAR(35)  NULL;
