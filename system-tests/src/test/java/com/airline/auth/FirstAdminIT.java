package com.airline.auth;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first admin comes from configuration only while no admin exists; the launcher says which
 * admin there is either way, and when the configured password is not that admin's.
 */
class FirstAdminIT {

  @Test
  void anotherConfiguredAdmin_isNotCreatedWhileAdminsExist_andTheLauncherNamesTheExistingOne() {
    Airline.start("auth");
    String configured = TestUsers.uniqueEmail("second-admin");
    Http second =
        Http.to(
            Airline.startInstance(
                "auth",
                "other-admin-auth",
                14,
                Map.of("AUTH_ADMIN_EMAIL", configured, "AUTH_ADMIN_PASSWORD", "another-password")));
    try {
      String said = Airline.launcherOutput("other-admin-auth");
      assertTrue(
          said.contains(
              "First admin: "
                  + Airline.ADMIN_EMAIL.toLowerCase()
                  + " (admins existed: "
                  + configured.toLowerCase()
                  + " was not made one); sign in with that admin's own password"),
          said);
      assertEquals(
          401,
          second
              .post(
                  "/api/v1/auth/signin", json("email", configured, "password", "another-password"))
              .status(),
          "the configured address was not made an account");
    } finally {
      Airline.stopInstance("other-admin-auth");
    }
  }

  @Test
  void theConfiguredAdminWithAnotherPassword_keepsItsOwn_andTheLauncherSaysSo() {
    Airline.start("auth");
    Http second =
        Http.to(
            Airline.startInstance(
                "auth",
                "other-password-auth",
                15,
                Map.of(
                    "AUTH_ADMIN_EMAIL",
                    Airline.ADMIN_EMAIL,
                    "AUTH_ADMIN_PASSWORD",
                    "not-the-admins-password")));
    try {
      String said = Airline.launcherOutput("other-password-auth");
      assertTrue(
          said.contains(
              "First admin: "
                  + Airline.ADMIN_EMAIL.toLowerCase()
                  + " (its password is not AUTH_ADMIN_PASSWORD): it was set elsewhere"),
          said);
      assertEquals(
          401,
          second
              .post(
                  "/api/v1/auth/signin",
                  json("email", Airline.ADMIN_EMAIL, "password", "not-the-admins-password"))
              .status(),
          "the admin's password was not replaced");
      assertEquals(
          200,
          second
              .post(
                  "/api/v1/auth/signin",
                  json("email", Airline.ADMIN_EMAIL, "password", Airline.ADMIN_PASSWORD))
              .status());
    } finally {
      Airline.stopInstance("other-password-auth");
    }
  }
}
