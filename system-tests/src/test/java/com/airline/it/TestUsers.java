package com.airline.it;

import static com.airline.it.Http.json;

import java.util.List;
import java.util.UUID;

/** Users made fresh for each test, signed in, so that no test depends on another's data. */
public final class TestUsers {

  public record TestUser(String id, String email, String password, String token) {}

  private TestUsers() {}

  public static String uniqueEmail(String hint) {
    return hint + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
  }

  public static TestUser signUp(Http http) {
    String email = uniqueEmail("user");
    String password = "pw-" + UUID.randomUUID();
    Http.Reply created =
        http.post(
            "/api/v1/auth/signup", json("email", email, "password", password, "name", "Test User"));
    if (created.status() != 201) {
      throw new IllegalStateException("sign-up failed: " + created);
    }
    return new TestUser(
        created.json().getString("id"), email, password, signIn(http, email, password));
  }

  public static String signIn(Http http, String email, String password) {
    Http.Reply reply = http.post("/api/v1/auth/signin", json("email", email, "password", password));
    if (reply.status() != 200) {
      throw new IllegalStateException("sign-in failed: " + reply);
    }
    return reply.json().getString("accessToken");
  }

  public static TestUser admin(Http http) {
    return new TestUser(
        null,
        Airline.ADMIN_EMAIL,
        Airline.ADMIN_PASSWORD,
        signIn(http, Airline.ADMIN_EMAIL, Airline.ADMIN_PASSWORD));
  }

  /** A new user holding exactly these roles, signed in again so that the token carries them. */
  public static TestUser withRoles(Http http, String... roles) {
    TestUser user = signUp(http);
    Http.Reply reply =
        http.as(admin(http).token()).put("/api/v1/users/" + user.id() + "/roles", jsonArray(roles));
    if (reply.status() != 200) {
      throw new IllegalStateException("setting roles failed: " + reply);
    }
    return new TestUser(
        user.id(), user.email(), user.password(), signIn(http, user.email(), user.password()));
  }

  public static jakarta.json.JsonArray jsonArray(String... values) {
    var array = jakarta.json.Json.createArrayBuilder();
    List.of(values).forEach(array::add);
    return array.build();
  }
}
