-- The reminder instance (its name in the data grid) that holds the timer of an armed reminder. Payara
-- Micro files a persistent timer under the instance that created it and fires it only there, so when
-- that instance leaves the grid another one arms timers of its own for the reminders it held and
-- becomes their owner. Rows armed before this column came have none: the first instance to look takes
-- them over. The key finds an owner's pending reminders without scanning every SCHEDULED one.
ALTER TABLE reminder ADD COLUMN timer_owner VARCHAR(64) NULL;
ALTER TABLE reminder ADD KEY ix_reminder_owner (status, timer_armed, timer_owner);
