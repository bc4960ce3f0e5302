package com.airline.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The outcomes as a table on the terminal, and as report.md and report.html. */
final class Report {

  private static final int TRIED_WIDTH = 44;
  private static final int FIGURES_WIDTH = 56;
  private static final int MOST_FAILURES_SHOWN = 20;

  /** A chart for the HTML report: a title and an SVG drawing. */
  record Chart(String title, String svg) {}

  private final String title;
  private final List<Outcome> outcomes;
  private final List<Chart> charts;

  Report(String title, List<Outcome> outcomes) {
    this(title, outcomes, List.of());
  }

  Report(String title, List<Outcome> outcomes, List<Chart> charts) {
    this.title = title;
    this.outcomes = List.copyOf(outcomes);
    this.charts = List.copyOf(charts);
  }

  long passed() {
    return outcomes.stream().filter(Outcome::passed).count();
  }

  long failed() {
    return outcomes.stream().filter(Outcome::failed).count();
  }

  String closingLine() {
    long notRun = outcomes.size() - passed() - failed();
    return passed()
        + " passed, "
        + failed()
        + " failed"
        + (notRun > 0 ? ", " + notRun + " not run" : "");
  }

  /** Columns check, result, tried, figures, with the long ones wrapped; then what failed. */
  String table() {
    int checkWidth =
        Math.max(5, outcomes.stream().mapToInt(o -> o.check().length()).max().orElse(5));
    String format = "%-" + checkWidth + "s  %-6s  %-" + TRIED_WIDTH + "s  %s%n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(format, "check", "result", "tried", "figures"));
    out.append("-".repeat(checkWidth + 16 + TRIED_WIDTH + FIGURES_WIDTH)).append('\n');
    for (Outcome outcome : outcomes) {
      List<String> tried = wrap(outcome.tried(), TRIED_WIDTH);
      List<String> figures = wrap(outcome.figures(), FIGURES_WIDTH);
      for (int line = 0; line < Math.max(tried.size(), figures.size()); line++) {
        out.append(
            String.format(
                format,
                line == 0 ? outcome.check() : "",
                line == 0 ? outcome.result() : "",
                line < tried.size() ? tried.get(line) : "",
                line < figures.size() ? figures.get(line) : ""));
      }
    }
    for (Outcome outcome : outcomes) {
      if (outcome.failed()) {
        out.append('\n').append(outcome.check()).append(" failed:\n");
        shown(outcome).forEach(f -> out.append("  - ").append(f).append('\n'));
      }
    }
    out.append('\n').append(closingLine()).append('\n');
    return out.toString();
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# " + title + "\n\n" + Instant.now() + "\n\n");
    md.append("| check | result | tried | figures |\n|---|---|---|---|\n");
    for (Outcome o : outcomes) {
      md.append("| ")
          .append(
              String.join(
                  " | ",
                  cell(o.check()),
                  o.failed() ? "**failed**" : o.result(),
                  cell(o.tried()),
                  cell(o.figures())))
          .append(" |\n");
    }
    md.append("\n").append(closingLine()).append("\n");
    charts.forEach(c -> md.append("\n").append(c.title()).append(": see report.html\n"));
    for (Outcome o : outcomes) {
      if (!o.failed() && o.detail().rows().isEmpty()) {
        continue;
      }
      md.append("\n## ").append(o.check()).append("\n\n");
      shown(o).forEach(f -> md.append("- ").append(cell(f)).append('\n'));
      if (!o.detail().rows().isEmpty()) {
        md.append(o.failed() ? "\n" : "");
        md.append("| ").append(String.join(" | ", o.detail().header())).append(" |\n");
        md.append("|").append("---|".repeat(o.detail().header().size())).append('\n');
        for (List<String> row : o.detail().rows()) {
          md.append("| ")
              .append(String.join(" | ", row.stream().map(Report::cell).toList()))
              .append(" |\n");
        }
      }
    }
    return md.toString();
  }

  String html() {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}")
        .append("th{background:#f3f3f3}.passed{color:#17692b;font-weight:bold}")
        .append(".failed{color:#b00020;font-weight:bold}td.bad{background:#fde7ea}")
        .append("small{color:#666}\n</style></head><body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p><small>")
        .append(Instant.now())
        .append("</small></p>\n<p class=\"")
        .append(failed() == 0 ? "passed" : "failed")
        .append("\">")
        .append(closingLine())
        .append(
            "</p>\n<table><tr><th>check</th><th>result</th><th>tried</th><th>figures</th></tr>\n");
    for (Outcome o : outcomes) {
      html.append("<tr><td>")
          .append(escape(o.check()))
          .append("</td><td class=\"")
          .append(o.failed() ? "failed\">failed" : o.passed() ? "passed\">passed" : "\">not run")
          .append("</td><td>")
          .append(escape(o.tried()))
          .append("</td><td>")
          .append(escape(o.figures()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
    for (Chart chart : charts) {
      html.append("<h2>").append(escape(chart.title())).append("</h2>\n").append(chart.svg());
    }
    for (Outcome o : outcomes) {
      if (!o.failed() && o.detail().rows().isEmpty()) {
        continue;
      }
      html.append("<h2>").append(escape(o.check())).append("</h2>\n");
      if (o.failed()) {
        html.append("<ul>\n");
        shown(o).forEach(f -> html.append("<li>").append(escape(f)).append("</li>\n"));
        html.append("</ul>\n");
      }
      if (!o.detail().rows().isEmpty()) {
        html.append("<table><tr>");
        o.detail().header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : o.detail().rows()) {
          html.append("<tr>");
          for (String cell : row) {
            html.append(cell.endsWith("✗") ? "<td class=\"bad\">" : "<td>")
                .append(escape(cell))
                .append("</td>");
          }
          html.append("</tr>\n");
        }
        html.append("</table>\n");
      }
    }
    return html.append("</body></html>\n").toString();
  }

  /** Writes report.md and report.html into the folder; answers the HTML's path. */
  Path write(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("report.md"), markdown());
    return Files.writeString(folder.resolve("report.html"), html());
  }

  private static List<String> shown(Outcome outcome) {
    List<String> failures = outcome.failures();
    if (failures.size() <= MOST_FAILURES_SHOWN) {
      return failures;
    }
    List<String> shown = new ArrayList<>(failures.subList(0, MOST_FAILURES_SHOWN));
    shown.add("... and " + (failures.size() - MOST_FAILURES_SHOWN) + " more");
    return shown;
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
