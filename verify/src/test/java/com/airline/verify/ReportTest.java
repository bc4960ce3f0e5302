package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

  static final Report REPORT =
      new Report(
          "Verification",
          List.of(
              new Outcome("journey", "50 users", "100 mails", List.of()),
              new Outcome(
                  "roles",
                  "every operation",
                  "225 requests",
                  List.of("GET /x as USER: refused <a caller>"),
                  new Outcome.Table(
                      List.of("operation", "USER"), List.of(List.of("GET /x", "403 ✗"))))));

  @Test
  void table_namesEachCheck_itsFailures_andClosesWithTheCounts() {
    String table = REPORT.table();
    assertTrue(table.contains("journey  passed"), table);
    assertTrue(table.contains("roles    FAILED"), table);
    assertTrue(table.contains("  - GET /x as USER: refused <a caller>"), table);
    assertTrue(table.endsWith("1 passed, 1 failed\n"), table);
  }

  @Test
  void html_escapesWhatTheChecksSaw_andMarksBadCells() {
    String html = REPORT.html();
    assertTrue(html.contains("refused &lt;a caller&gt;"), html);
    assertTrue(html.contains("<td class=\"bad\">403 ✗</td>"), html);
    assertTrue(html.contains("1 passed, 1 failed"), html);
  }

  @Test
  void markdown_hasTheSummaryTable_andTheDetail() {
    String md = REPORT.markdown();
    assertTrue(md.contains("| journey | passed | 50 users | 100 mails |"), md);
    assertTrue(md.contains("| roles | **failed** | every operation | 225 requests |"), md);
    assertTrue(md.contains("| GET /x | 403 ✗ |"), md);
  }

  @Test
  void wrap_breaksAtWords_withinTheWidth() {
    assertEquals(List.of("one two", "three"), Report.wrap("one two three", 8));
    assertEquals(List.of(""), Report.wrap("", 8));
  }

  @Test
  void aCheckNotRunHere_isNeitherPassedNorFailed_andSaysWhy() {
    Report report =
        new Report(
            "Verification",
            List.of(
                new Outcome("load", "8 bookings/s", "2400 bookings", List.of()),
                Outcome.notRun(
                    "fault: flights replica killed", "a replica killed", "one instance")),
            List.of(new Report.Chart("Throughput", "<svg id=\"chart\"></svg>")));
    String table = report.table();
    assertTrue(table.contains("not run"), table);
    assertTrue(table.contains("not run: one instance"), table);
    assertTrue(table.endsWith("1 passed, 0 failed, 1 not run\n"), table);
    assertEquals(0, report.failed());
    assertTrue(report.html().contains("<h2>Throughput</h2>\n<svg id=\"chart\">"), report.html());
  }
}
