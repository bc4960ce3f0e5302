package com.airline.it;

import static com.airline.it.Http.json;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Users made fresh for each test, signed in, so that no test depends on another's data. */
public final class TestUsers {

  public record TestUser(String id, String email, String password, String token) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> USED = ConcurrentHashMap.newKeySet();

  private TestUsers() {}

  /** An address no other test of this run has used: to sign up with, or to expect unknown. */
  public static String uniqueEmail(String hint) {
    while (true) {
      String email = hint + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.test";
      if (USED.add(email.toLowerCase(Locale.ROOT))) {
        return email;
      }
    }
  }

  /**
   * A role name (A-Z and _) no other test of this run has used: to create, or to expect unknown.
   */
  public static String uniqueRole(String hint) {
    while (true) {
      StringBuilder name = new StringBuilder(hint).append('_');
      for (int i = 0; i < 10; i++) {
        name.append((char) ('A' + RANDOM.nextInt(26)));
      }
      if (USED.add(name.toString())) {
        return name.toString();
      }
    }
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
