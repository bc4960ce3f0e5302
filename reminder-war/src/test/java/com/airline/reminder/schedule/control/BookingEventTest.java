package com.airline.reminder.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.airline.reminder.schedule.entity.BookingDetails;
import org.junit.jupiter.api.Test;

class BookingEventTest {

  private static String event(String extra) {
    return """
        {"eventId": "e-1", "type": "booking.created", "occurredAt": "2026-01-01T00:00:00Z",
         "booking": {"reference": "K7QX3M", "userId": "u", "flightId": 1, "flightNumber": "LH400",
          "departureTime": "2026-12-03T10:00:00Z", "departureAirport": "FRA",
          "arrivalAirport": "JFK", "seats": 2, "passengerName": "Ada",
          "passengerEmail": "ada@example.com"%s}}
        """
        .formatted(extra);
  }

  @Test
  void parse_takesTheAirlineAndTheLocale() {
    BookingDetails booking =
        BookingEvent.parse(
                event(
                    ", \"airline\": {\"code\": \"LH\", \"name\": \"Lufthansa\"}, \"locale\": \"de-AT\""))
            .booking();
    assertEquals("LH", booking.airlineCode());
    assertEquals("Lufthansa", booking.airlineName());
    assertEquals("de-at", booking.locale());
  }

  @Test
  void parse_anOlderEventWithoutThem_leavesThemNull() {
    BookingDetails booking = BookingEvent.parse(event("")).booking();
    assertNull(booking.airlineCode());
    assertNull(booking.airlineName());
    assertNull(booking.locale());
  }

  @Test
  void parse_unusableAirlineOrLocale_areLeftOut_notTheBooking() {
    BookingDetails booking =
        BookingEvent.parse(event(", \"airline\": {\"code\": \"lufthansa\"}, \"locale\": \"../x\""))
            .booking();
    assertNull(booking.airlineCode());
    assertNull(booking.airlineName());
    assertNull(booking.locale());
    booking = BookingEvent.parse(event(", \"airline\": \"LH\", \"locale\": 7")).booking();
    assertNull(booking.airlineCode());
    assertNull(booking.locale());
    assertEquals("K7QX3M", booking.reference());
  }
}
