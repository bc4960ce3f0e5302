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
 * admin there is either way.
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
}
