package com.airline.auth;

import static com.airline.it.Http.json;
import static com.airline.it.TestUsers.jsonArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersIT {

  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
  }

  @Test
  void list_asUser_returns403Problem() {
    Http.Reply reply = auth.as(TestUsers.signUp(auth).token()).get("/api/v1/users");
    assertEquals(403, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
  }

  @Test
  void list_asAdminOrSupport_filtersByEmailPrefixAndPages() {
    String prefix = "page-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      auth.post(
          "/api/v1/auth/signup",
          json("email", prefix + "-" + i + "@it.test", "password", "password1", "name", "P" + i));
    }
    for (String token :
        new String[] {
          TestUsers.admin(auth).token(), TestUsers.withRoles(auth, "SUPPORT").token()
        }) {
      Http.Reply page =
          auth.as(token).get("/api/v1/users?email=" + prefix.toUpperCase() + "&page=1&size=2");

      assertEquals(200, page.status(), page.body());
      JsonObject body = page.json();
      assertEquals(3, body.getInt("totalItems"));
      assertEquals(2, body.getInt("totalPages"));
      assertEquals(1, body.getInt("page"));
      assertEquals(2, body.getInt("size"));
      assertEquals(1, body.getJsonArray("items").size());
      assertEquals(
          prefix + "-2@it.test", body.getJsonArray("items").getJsonObject(0).getString("email"));
    }
  }

  @Test
  void list_withBadPaging_returns400Problem() {
    Http admin = auth.as(TestUsers.admin(auth).token());
    assertEquals(400, admin.get("/api/v1/users?size=101").status());
    assertEquals(400, admin.get("/api/v1/users?page=-1").status());
    assertEquals(400, admin.get("/api/v1/users?page=2147483647&size=100").status());
    Http.Reply notANumber = admin.get("/api/v1/users?page=abc");
    assertEquals(400, notANumber.status(), notANumber.body());
    assertEquals("application/problem+json", notANumber.contentType().split(";")[0]);
  }

  @Test
  void get_self_ok_otherUser_403_support_ok() {
    TestUser me = TestUsers.signUp(auth);
    TestUser other = TestUsers.signUp(auth);

    assertEquals(200, auth.as(me.token()).get("/api/v1/users/" + me.id()).status());
    assertEquals(403, auth.as(me.token()).get("/api/v1/users/" + other.id()).status());
    assertEquals(
        200,
        auth.as(TestUsers.withRoles(auth, "SUPPORT").token())
            .get("/api/v1/users/" + other.id())
            .status());
    assertEquals(
        404, auth.as(TestUsers.admin(auth).token()).get("/api/v1/users/no-such-id").status());
  }

  @Test
  void patch_selfRenames_andChangesPasswordOnlyWithTheCurrentOne() {
    TestUser me = TestUsers.signUp(auth);
    Http http = auth.as(me.token());

    Http.Reply renamed = http.patch("/api/v1/users/" + me.id(), json("name", "Grace"));
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("Grace", renamed.json().getString("name"));

    Http.Reply withoutCurrent =
        http.patch("/api/v1/users/" + me.id(), json("password", "new-password"));
    assertEquals(400, withoutCurrent.status(), withoutCurrent.body());
    assertEquals(
        "currentPassword",
        withoutCurrent.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    Http.Reply wrongCurrent =
        http.patch(
            "/api/v1/users/" + me.id(),
            json("password", "new-password", "currentPassword", "nope-nope"));
    assertEquals(400, wrongCurrent.status());
    TestUsers.signIn(auth, me.email(), me.password()); // unchanged so far

    Http.Reply changed =
        http.patch(
            "/api/v1/users/" + me.id(),
            json("password", "new-password", "currentPassword", me.password()));
    assertEquals(200, changed.status(), changed.body());
    TestUsers.signIn(auth, me.email(), "new-password");
    assertEquals(
        401,
        auth.post("/api/v1/auth/signin", json("email", me.email(), "password", me.password()))
            .status());
  }

  @Test
  void patch_otherUser_asUser403_asAdminSetsPasswordWithoutCurrent() {
    TestUser target = TestUsers.signUp(auth);
    assertEquals(
        403,
        auth.as(TestUsers.signUp(auth).token())
            .patch("/api/v1/users/" + target.id(), json("name", "X"))
            .status());
    assertEquals(
        403,
        auth.as(TestUsers.withRoles(auth, "SUPPORT").token())
            .patch("/api/v1/users/" + target.id(), json("name", "X"))
            .status());

    Http.Reply reset =
        auth.as(TestUsers.admin(auth).token())
            .patch("/api/v1/users/" + target.id(), json("password", "reset-by-admin"));
    assertEquals(200, reset.status(), reset.body());
    TestUsers.signIn(auth, target.email(), "reset-by-admin");
  }

  @Test
  void patch_withInvalidFields_returns400() {
    TestUser me = TestUsers.signUp(auth);
    Http.Reply reply =
        auth.as(me.token())
            .patch("/api/v1/users/" + me.id(), json("name", " ", "password", "short"));
    assertEquals(400, reply.status(), reply.body());
    assertEquals(2, reply.json().getJsonArray("errors").size());
  }

  @Test
  void putRoles_asAdmin_replacesThem_andTheNextTokenCarriesThem() {
    TestUser user = TestUsers.signUp(auth);
    Http admin = auth.as(TestUsers.admin(auth).token());

    Http.Reply reply =
        admin.put("/api/v1/users/" + user.id() + "/roles", jsonArray("USER", "SUPPORT"));

    assertEquals(200, reply.status(), reply.body());
    assertEquals("[\"SUPPORT\",\"USER\"]", reply.json().getJsonArray("roles").toString());
    String token = TestUsers.signIn(auth, user.email(), user.password());
    assertEquals(200, auth.as(token).get("/api/v1/users").status());
  }

  @Test
  void putRoles_unknownRole400_empty400_asUser403() {
    TestUser user = TestUsers.signUp(auth);
    Http admin = auth.as(TestUsers.admin(auth).token());
    assertEquals(
        400,
        admin
            .put(
                "/api/v1/users/" + user.id() + "/roles",
                jsonArray("USER", TestUsers.uniqueRole("PILOT")))
            .status());
    assertEquals(400, admin.put("/api/v1/users/" + user.id() + "/roles", jsonArray()).status());
    assertEquals(
        403,
        auth.as(user.token())
            .put("/api/v1/users/" + user.id() + "/roles", jsonArray("ADMIN"))
            .status());
  }

  /**
   * Every admin demoted at once, each by another request: one of them stays admin. The admin token
   * used keeps ADMIN in its groups throughout (roles are read from tokens), so it puts every role
   * back afterwards.
   */
  @Test
  void putRoles_demotingEveryAdminAtOnce_leavesExactlyOne() throws Exception {
    Http admin = auth.as(TestUsers.admin(auth).token());
    TestUsers.withRoles(auth, "ADMIN");
    TestUsers.withRoles(auth, "ADMIN", "SUPPORT");
    Map<String, JsonArray> admins = admins(admin);
    assertTrue(admins.size() >= 3, admins.toString());
    ExecutorService pool = Executors.newFixedThreadPool(admins.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> replies = new ArrayList<>();
      for (String id : admins.keySet()) {
        replies.add(
            pool.submit(
                () -> {
                  start.await();
                  return admin.put("/api/v1/users/" + id + "/roles", jsonArray("USER")).status();
                }));
      }
      start.countDown();
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<Integer> reply : replies) {
        statuses.merge(reply.get(), 1, Integer::sum);
      }
      assertEquals(Map.of(200, admins.size() - 1, 409, 1), statuses);
      assertEquals(1, admins(admin).size());
    } finally {
      pool.shutdownNow();
      admins.forEach((id, roles) -> admin.put("/api/v1/users/" + id + "/roles", roles));
    }
    assertEquals(admins.keySet(), admins(admin).keySet());
  }

  /** Every user holding ADMIN, with their roles. */
  private static Map<String, JsonArray> admins(Http admin) {
    Map<String, JsonArray> admins = new TreeMap<>();
    for (int page = 0; ; page++) {
      JsonObject reply = admin.get("/api/v1/users?size=100&page=" + page).json();
      for (JsonValue item : reply.getJsonArray("items")) {
        JsonObject user = item.asJsonObject();
        JsonArray roles = user.getJsonArray("roles");
        if (roles.contains(Json.createValue("ADMIN"))) {
          admins.put(user.getString("id"), roles);
        }
      }
      if (page + 1 >= reply.getInt("totalPages")) {
        return admins;
      }
    }
  }

  @Test
  void delete_asAdmin204_thenGone_asUser403() {
    TestUser user = TestUsers.signUp(auth);
    assertEquals(403, auth.as(user.token()).delete("/api/v1/users/" + user.id()).status());
    Http admin = auth.as(TestUsers.admin(auth).token());

    assertEquals(204, admin.delete("/api/v1/users/" + user.id()).status());
    assertEquals(404, admin.get("/api/v1/users/" + user.id()).status());
    assertEquals(
        401,
        auth.post("/api/v1/auth/signin", json("email", user.email(), "password", user.password()))
            .status());
    assertTrue(auth.as(user.token()).get("/api/v1/auth/me").status() == 401);
  }
}
