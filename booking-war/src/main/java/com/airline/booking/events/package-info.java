/**
 * Owns booking events: written to the outbox in the transaction that changes the booking, published
 * to RabbitMQ by a relay that marks a row published only once the broker has the message. Requests
 * never wait on the broker; events are delivered at least once, consumers are idempotent by
 * eventId.
 */
package com.airline.booking.events;
