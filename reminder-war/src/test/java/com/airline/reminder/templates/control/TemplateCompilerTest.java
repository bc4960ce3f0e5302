package com.airline.reminder.templates.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateCompilerTest {

  private static String render(Mustache mustache, Map<String, Object> scope) {
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  @Test
  void compile_unknownPlaceholder_isRefusedNamingFileAndLine() {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () ->
                TemplateCompiler.compile(
                    "Dear {{passengerName}},\n\nyour {{passenger}}",
                    "en/x.text",
                    TemplatePart.TEXT));
    assertEquals("en/x.text", refused.file());
    assertEquals(3, refused.line());
    assertTrue(
        refused.getMessage().startsWith("en/x.text at line 3: unknown placeholder {{passenger}}"));
  }

  @Test
  void compile_unknownSectionName_isRefused() {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () -> TemplateCompiler.compile("a\n{{^gate}}x{{/gate}}", "f", TemplatePart.SUBJECT));
    assertEquals(2, refused.line());
  }

  @Test
  void compile_sectionNotClosed_isRefusedNamingTheLine() {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () ->
                TemplateCompiler.compile(
                    "one\ntwo {{#departureZone}}\nthree",
                    "de/t2h.html.mustache",
                    TemplatePart.HTML));
    assertEquals("de/t2h.html.mustache", refused.file());
    assertTrue(refused.line() > 0, refused.getMessage());
    assertTrue(refused.getMessage().contains("does not parse"), refused.getMessage());
  }

  @Test
  void compile_mismatchedSection_isRefused() {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () ->
                TemplateCompiler.compile(
                    "{{#airlineName}}\n{{/departureZone}}", "f", TemplatePart.TEXT));
    assertTrue(refused.line() > 0, refused.getMessage());
  }

  @Test
  void compile_unescapedValueInHtml_isRefused_butFineInText() {
    TemplateException refused =
        assertThrows(
            TemplateException.class,
            () -> TemplateCompiler.compile("<p>{{{passengerName}}}</p>", "f", TemplatePart.HTML));
    assertTrue(refused.reason().contains("unescaped"), refused.reason());
    assertThrows(
        TemplateException.class,
        () -> TemplateCompiler.compile("<p>{{&passengerName}}</p>", "f", TemplatePart.HTML));
    TemplateCompiler.compile("{{{passengerName}}}", "f", TemplatePart.TEXT);
  }

  @Test
  void compile_partialsAndInheritance_areRefused() {
    for (String template : new String[] {"{{>header}}", "{{<base}}{{/base}}", "{{$x}}{{/x}}"}) {
      TemplateException refused =
          assertThrows(
              TemplateException.class,
              () -> TemplateCompiler.compile(template, "f", TemplatePart.TEXT),
              template);
      assertEquals(1, refused.line(), template);
    }
  }

  @Test
  void render_html_escapesValues_andTextKeepsThem() {
    Map<String, Object> scope = new HashMap<>();
    scope.put("passengerName", "<script>alert('x')</script> & Co");
    String html =
        render(TemplateCompiler.compile("<p>{{passengerName}}</p>", "f", TemplatePart.HTML), scope);
    assertTrue(html.startsWith("<p>&lt;script&gt;alert("), html);
    assertTrue(!html.contains("<script>") && html.contains("&amp; Co"), html);
    String text =
        render(TemplateCompiler.compile("{{passengerName}}", "f", TemplatePart.TEXT), scope);
    assertEquals("<script>alert('x')</script> & Co", text);
  }

  @Test
  void render_sectionOverAnUnknownValue_rendersItsInverse() {
    Mustache mustache =
        TemplateCompiler.compile(
            "{{#departureZone}}{{departureLocal}} ({{departureZone}}){{/departureZone}}"
                + "{{^departureZone}}see UTC{{/departureZone}}",
            "f",
            TemplatePart.TEXT);
    Map<String, Object> scope = new HashMap<>();
    scope.put("departureZone", null);
    assertEquals("see UTC", render(mustache, scope));
    scope.put("departureZone", "Europe/London");
    scope.put("departureLocal", "Thu 3 Dec 2026, 10:00");
    assertEquals("Thu 3 Dec 2026, 10:00 (Europe/London)", render(mustache, scope));
  }
}
