package com.airline.auth;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.Sql;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignUpIT {

  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
  }

  @Test
  void signUp_returns201UserWithUserRoleAndNoPassword() {
    String email = TestUsers.uniqueEmail("Mixed.Case");
    Http.Reply reply =
        auth.post(
            "/api/v1/auth/signup",
            json("email", email, "password", "correct horse", "name", " Ada "));

    assertEquals(201, reply.status(), reply.body());
    JsonObject user = reply.json();
    assertEquals(email.toLowerCase(), user.getString("email"));
    assertEquals("Ada", user.getString("name"));
    assertEquals(
        List.of("USER"),
        user.getJsonArray("roles").getValuesAs(v -> v.toString().replace("\"", "")));
    assertNotNull(user.getString("createdAt"));
    assertTrue(
        reply.header("Location").endsWith("/api/v1/users/" + user.getString("id")),
        reply.header("Location"));
    assertFalse(reply.body().contains("correct horse"));
    assertFalse(reply.body().toLowerCase().contains("password"));
    assertFalse(reply.body().contains("PBKDF2"));
  }

  @Test
  void signUp_whenEmailTakenInAnyCase_returns409Problem() {
    String email = TestUsers.uniqueEmail("taken");
    assertEquals(
        201,
        auth.post("/api/v1/auth/signup", json("email", email, "password", "password1", "name", "A"))
            .status());

    Http.Reply again =
        auth.post(
            "/api/v1/auth/signup",
            json("email", email.toUpperCase(), "password", "password2", "name", "B"));

    assertEquals(409, again.status(), again.body());
    assertEquals("application/problem+json", again.contentType().split(";")[0]);
    assertEquals(409, again.json().getInt("status"));
  }

  @Test
  void signUp_storesOnlyASaltedSlowHash() throws Exception {
    String email = TestUsers.uniqueEmail("hash");
    auth.post(
        "/api/v1/auth/signup", json("email", email, "password", "same-password", "name", "A"));
    String other = TestUsers.uniqueEmail("hash");
    auth.post(
        "/api/v1/auth/signup", json("email", other, "password", "same-password", "name", "B"));

    List<String> hashes =
        Sql.query(
            "auth",
            "SELECT password_hash FROM user_account WHERE email IN (?, ?)",
            row -> row.getString(1),
            email,
            other);
    String first = hashes.get(0);
    assertTrue(first.startsWith("PBKDF2WithHmacSHA256:210000:"), first);
    assertFalse(first.contains("same-password"));
    assertFalse(first.equals(hashes.get(1)), "equal passwords must hash differently (salt)");
  }

  static Stream<Arguments> invalidBodies() {
    String longName = "n".repeat(101);
    return Stream.of(
        Arguments.of(json("password", "password1", "name", "A"), "email"),
        Arguments.of(json("email", "not-an-email", "password", "password1", "name", "A"), "email"),
        Arguments.of(json("email", "a@it.test", "password", "short", "name", "A"), "password"),
        Arguments.of(
            json("email", "a@it.test", "password", "p".repeat(129), "name", "A"), "password"),
        Arguments.of(json("email", "a@it.test", "password", "password1", "name", "  "), "name"),
        Arguments.of(json("email", "a@it.test", "password", "password1", "name", longName), "name"),
        Arguments.of(
            json("email", "a".repeat(250) + "@it.test", "password", "password1", "name", "A"),
            "email"),
        // 194 characters, 258 in lower case (each İ becomes i and a combining dot): the column
        // holds 254
        Arguments.of(
            json(
                "email",
                "\u0130".repeat(64) + "@" + "d".repeat(60) + "." + "d".repeat(60) + ".it.test",
                "password",
                "password1",
                "name",
                "A"),
            "email"));
  }

  @ParameterizedTest
  @MethodSource("invalidBodies")
  void signUp_whenFieldInvalid_returns400ProblemNamingTheField(JsonObject body, String field) {
    Http.Reply reply = auth.post("/api/v1/auth/signup", body);

    assertEquals(400, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    JsonObject problem = reply.json();
    assertEquals(400, problem.getInt("status"));
    assertNotNull(problem.getString("requestId"));
    assertTrue(
        problem.getJsonArray("errors").stream()
            .anyMatch(e -> e.asJsonObject().getString("field").equals(field)),
        problem.toString());
  }

  static Stream<String> malformedBodies() {
    return Stream.of(
        "{\"email\":", "not json", "[1,2]", "{\"email\":[1],\"password\":{},\"name\":true}", "");
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void signUp_whenBodyMalformed_returns400Problem(String body) {
    Http.Reply reply = auth.send("POST", "/api/v1/auth/signup", body);

    assertEquals(400, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertFalse(reply.body().contains("Exception"), reply.body());
  }
}
