/**
 * Owns the booking lifecycle: PENDING while seats are being reserved in flights, then CONFIRMED or
 * CANCELLED. Seats are reserved by booking reference, so every call to flights can be retried; a
 * booking whose outcome stays unknown is settled by a timer, and no seat stays held by a booking
 * that is not CONFIRMED.
 */
package com.airline.booking.checkout;
