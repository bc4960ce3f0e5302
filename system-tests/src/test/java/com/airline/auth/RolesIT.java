package com.airline.auth;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.Race;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RolesIT {

  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
  }

  @Test
  void list_signedIn_showsBuiltInRoles_withoutToken401() {
    Http.Reply roles = auth.as(TestUsers.signUp(auth).token()).get("/api/v1/roles");
    assertEquals(200, roles.status(), roles.body());
    for (String builtIn : new String[] {"ADMIN", "SUPPORT", "USER"}) {
      assertTrue(
          roles.array().stream()
              .anyMatch(
                  r ->
                      r.asJsonObject().getString("name").equals(builtIn)
                          && r.asJsonObject().getBoolean("builtIn")),
          roles.body());
    }
    assertEquals(401, auth.get("/api/v1/roles").status());
  }

  @Test
  void create_asAdmin201_again409_asUser403() {
    String name = TestUsers.uniqueRole("CREW");
    assertEquals(
        403,
        auth.as(TestUsers.signUp(auth).token())
            .post("/api/v1/roles", json("name", name, "description", "x"))
            .status());
    Http admin = auth.as(TestUsers.admin(auth).token());

    Http.Reply created =
        admin.post("/api/v1/roles", json("name", name, "description", "Cabin crew"));
    assertEquals(201, created.status(), created.body());
    assertEquals(false, created.json().getBoolean("builtIn"));
    assertEquals(
        409, admin.post("/api/v1/roles", json("name", name, "description", "again")).status());
  }

  @Test
  void create_racingTheSameName_one201_the_others409() throws Exception {
    String name = TestUsers.uniqueRole("CREW");
    Http admin = auth.as(TestUsers.admin(auth).token());

    Map<Integer, Long> statuses =
        Race.tally(
            6,
            () -> admin.post("/api/v1/roles", json("name", name, "description", "raced")).status());

    assertEquals(Map.of(201, 1L, 409, 5L), statuses);
  }

  @Test
  void create_withInvalidName_returns400() {
    Http admin = auth.as(TestUsers.admin(auth).token());
    for (String bad : new String[] {"crew", "A", "X".repeat(33), "CREW-1"}) {
      Http.Reply reply = admin.post("/api/v1/roles", json("name", bad, "description", "x"));
      assertEquals(400, reply.status(), bad + " -> " + reply.body());
      assertEquals("name", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
  }

  @Test
  void delete_builtIn409_held409_unused204() {
    Http admin = auth.as(TestUsers.admin(auth).token());
    assertEquals(409, admin.delete("/api/v1/roles/SUPPORT").status());

    String name = TestUsers.uniqueRole("CREW");
    admin.post("/api/v1/roles", json("name", name, "description", "Held"));
    TestUser holder = TestUsers.withRoles(auth, name);
    assertEquals(409, admin.delete("/api/v1/roles/" + name).status());

    admin.put("/api/v1/users/" + holder.id() + "/roles", TestUsers.jsonArray("USER"));
    assertEquals(204, admin.delete("/api/v1/roles/" + name).status());
    assertEquals(404, admin.delete("/api/v1/roles/" + name).status());
  }

  @Test
  void userWithOnlyAnAdminDefinedRole_isStillSignedIn() {
    String name = TestUsers.uniqueRole("CREW");
    auth.as(TestUsers.admin(auth).token())
        .post("/api/v1/roles", json("name", name, "description", "Custom"));
    TestUser custom = TestUsers.withRoles(auth, name);

    Http.Reply me = auth.as(custom.token()).get("/api/v1/auth/me");
    assertEquals(200, me.status(), me.body());
    assertEquals("[\"" + name + "\"]", me.json().getJsonArray("roles").toString());
    assertEquals(403, auth.as(custom.token()).get("/api/v1/users").status());
  }
}
