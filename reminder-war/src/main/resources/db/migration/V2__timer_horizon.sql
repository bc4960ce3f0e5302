-- Payara Micro's timer store keeps the ids of all of a bean's timers in one grid entry, rewritten on
-- every creation: thousands of timers weeks ahead make each new one slower. Only reminders due
-- within the horizon (reminder.timers.horizon) get a timer; this says which have one.
ALTER TABLE reminder ADD COLUMN timer_armed BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE reminder SET timer_armed = TRUE WHERE status = 'SCHEDULED';
