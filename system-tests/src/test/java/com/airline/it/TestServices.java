package com.airline.it;

import static com.airline.it.Http.json;

/**
 * Service identities, as booking gets them: auth's service-token endpoint with a configured secret.
 */
public final class TestServices {

  private TestServices() {}

  public static String bookingToken() {
    Http.Reply reply =
        Http.to(Airline.start("auth"))
            .post(
                "/api/v1/auth/service-tokens",
                json("clientId", "booking", "clientSecret", Airline.SERVICE_SECRET));
    if (reply.status() != 200) {
      throw new IllegalStateException("service token failed: " + reply);
    }
    return reply.json().getString("accessToken");
  }

  /** Seats taken in flights as booking takes them: asBooking sends a {@link #bookingToken()}. */
  public static Http.Reply reserve(Http asBooking, long flight, String reference, int seats) {
    return asBooking.post(
        "/api/v1/flights/" + flight + "/reservations",
        json("bookingReference", reference, "seats", seats));
  }
}
