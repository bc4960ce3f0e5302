-- Consumed events are forgotten after reminder.processed-events.retention: found by their age.
ALTER TABLE processed_event ADD KEY ix_processed_event_received (received_at);
