package com.airline.reminder.templates.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.templates.control.TemplateCatalog.Slot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCatalogTest {

  @TempDir Path dir;

  private static final Slot EN_SUBJECT =
      new Slot("en", ReminderKind.CONFIRMATION, TemplatePart.SUBJECT);

  /** Distinct modification times: two writes within one clock tick would look unchanged. */
  private static final AtomicLong TICK = new AtomicLong(Instant.now().getEpochSecond());

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(TICK.incrementAndGet() * 1000));
    return file;
  }

  @Test
  void theWar_shipsEveryKindAndPartInEnglishAndGerman() {
    TemplateCatalog catalog = new TemplateCatalog(null);
    assertEquals(
        TemplateCatalog.SHIPPED.size()
            * ReminderKind.values().length
            * TemplatePart.values().length,
        catalog.inUse().size());
    catalog.inUse().values().forEach(t -> assertEquals(TemplateCatalog.DEFAULT, t.source()));
  }

  @Test
  void anOperatorsFile_replacesTheWars_andDeletingItGivesTheWarsBack() throws IOException {
    TemplateCatalog catalog = new TemplateCatalog(dir);
    assertFalse(catalog.refresh(), "nothing changed");

    Path file = write("en/confirmation.subject.mustache", "Hello {{passengerName}}");
    assertTrue(catalog.refresh());

    assertEquals(file.toString(), catalog.get(EN_SUBJECT).source());
    assertEquals(
        TemplateCatalog.DEFAULT,
        catalog.get(new Slot("en", ReminderKind.CONFIRMATION, TemplatePart.TEXT)).source());
    assertFalse(catalog.refresh(), "unchanged since");

    Files.delete(file);
    assertTrue(catalog.refresh());
    assertEquals(TemplateCatalog.DEFAULT, catalog.get(EN_SUBJECT).source());
  }

  @Test
  void filesPresentAtStart_areUsedAtOnce() throws IOException {
    Path file = write("de/t2h.html.mustache", "<p>{{checkInCloses}}</p>");
    TemplateCatalog catalog = new TemplateCatalog(dir);
    assertEquals(
        file.toString(), catalog.get(new Slot("de", ReminderKind.T2H, TemplatePart.HTML)).source());
  }

  @Test
  void aBrokenFile_isRefusedNamingFileAndLine_andThePreviousOneStays() throws IOException {
    Path file = write("en/confirmation.subject.mustache", "v1 {{reference}}");
    TemplateCatalog catalog = new TemplateCatalog(dir);
    var v1 = catalog.get(EN_SUBJECT);
    assertEquals(file.toString(), v1.source());

    write("en/confirmation.subject.mustache", "v2\n{{reference}} {{gate}}");
    assertTrue(catalog.refresh());

    assertTrue(catalog.get(EN_SUBJECT) == v1, "the previous version stays in use");
    String problem = catalog.refused().get(EN_SUBJECT);
    assertTrue(problem.startsWith(file + " at line 2: unknown placeholder {{gate}}"), problem);

    write("en/confirmation.subject.mustache", "v3 {{reference}}");
    assertTrue(catalog.refresh());
    assertTrue(catalog.get(EN_SUBJECT) != v1, "the fixed file is taken");
    assertNull(catalog.refused().get(EN_SUBJECT));
  }

  @Test
  void aBrokenFileAtStart_leavesTheWarsInUse() throws IOException {
    write("de/cancellation.text.mustache", "{{#reference}} never closed");
    TemplateCatalog catalog = new TemplateCatalog(dir);
    Slot slot = new Slot("de", ReminderKind.CANCELLATION, TemplatePart.TEXT);
    assertEquals(TemplateCatalog.DEFAULT, catalog.get(slot).source());
    assertTrue(catalog.refused().containsKey(slot));
  }

  @Test
  void aNewLanguage_isUsedForAKindOnlyWithAllThreeParts() throws IOException {
    TemplateCatalog catalog = new TemplateCatalog(dir);
    write("fr/confirmation.subject.mustache", "Réservation {{reference}}");
    write("fr/confirmation.text.mustache", "Bonjour {{passengerName}}");
    catalog.refresh();
    assertEquals("en", catalog.localeFor(ReminderKind.CONFIRMATION, "fr"), "no HTML yet");

    write("fr/confirmation.html.mustache", "<p>Bonjour {{passengerName}}</p>");
    catalog.refresh();
    assertEquals("fr", catalog.localeFor(ReminderKind.CONFIRMATION, "fr"));
    assertEquals("fr", catalog.localeFor(ReminderKind.CONFIRMATION, "fr-CA".toLowerCase()));
    assertEquals("en", catalog.localeFor(ReminderKind.T24H, "fr"), "only confirmations in French");
  }

  @Test
  void localeFor_fallsBackToTheLanguageThenEnglish() {
    TemplateCatalog catalog = new TemplateCatalog(null);
    assertEquals("de", catalog.localeFor(ReminderKind.T2H, "de-at"));
    assertEquals("de", catalog.localeFor(ReminderKind.T2H, "de"));
    assertEquals("en", catalog.localeFor(ReminderKind.T2H, "it"));
    assertEquals("en", catalog.localeFor(ReminderKind.T2H, null));
  }

  @Test
  void otherFiles_areIgnored() throws IOException {
    write("README.txt", "notes");
    write("en/confirmation.subject.mustache.bak", "{{broken");
    write("en/.confirmation.subject.mustache.swp", "{{broken");
    write("not a tag/confirmation.subject.mustache", "x");
    TemplateCatalog catalog = new TemplateCatalog(dir);
    assertTrue(catalog.refused().isEmpty(), catalog.refused().toString());
    assertEquals(TemplateCatalog.DEFAULT, catalog.get(EN_SUBJECT).source());
  }

  @Test
  void aFolderCreatedAfterTheStart_isPickedUp() throws IOException {
    Path later = dir.resolve("later");
    TemplateCatalog catalog = new TemplateCatalog(later);
    assertFalse(catalog.refresh());
    dir = later;
    Path file = write("en/confirmation.subject.mustache", "Hi {{reference}}");
    assertTrue(catalog.refresh());
    assertEquals(file.toString(), catalog.get(EN_SUBJECT).source());
  }

  @Test
  void notUtf8_isRefused() throws IOException {
    Path file = dir.resolve("en/confirmation.subject.mustache");
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'H', 'i', ' ', (byte) 0xff, (byte) 0xfe});
    TemplateCatalog catalog = new TemplateCatalog(dir);
    assertEquals(TemplateCatalog.DEFAULT, catalog.get(EN_SUBJECT).source());
    assertTrue(catalog.refused().get(EN_SUBJECT).contains("UTF-8"));
  }
}
