package com.airline.reminder.templates.control;

import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.templates.control.TemplateFolder.Scan;
import com.airline.reminder.templates.control.TemplateFolder.Seen;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The templates in use: the WAR's (SHIPPED languages, templates/&lt;language&gt;/&lt;kind&gt;.&lt;
 * part&gt;.mustache) and, replacing any of them or adding languages, the files of the same names in
 * an operator's folder. {@link #refresh()} reads the folder again when a file in it changed; a file
 * that is refused leaves in use what was (its previous version or the WAR's), and one that is
 * deleted gives the WAR's back. Readers see one consistent state, swapped whole.
 */
public final class TemplateCatalog {

  private static final Logger LOG = Logger.getLogger(TemplateCatalog.class.getName());

  /** The languages the WAR has a complete set of templates for. */
  public static final List<String> SHIPPED = List.of("en", "de");

  /** The source of a template from the WAR. */
  public static final String DEFAULT = "default";

  /** One template: a language's part of one kind of mail; its file name in a language's folder. */
  public record Slot(String locale, ReminderKind kind, TemplatePart part) {
    public String fileName() {
      return kind.name().toLowerCase(Locale.ROOT) + "." + part.fileName() + ".mustache";
    }
  }

  /** A compiled template and where it comes from: DEFAULT or the file's path. */
  public record InUse(Mustache mustache, String source) {}

  private record State(Map<Slot, InUse> inUse, Map<Slot, String> refused) {}

  private final Map<Slot, InUse> shipped;
  private final Path dir;

  // what refresh() last saw, and what it decided for each operator's file
  private Map<Path, Seen> lastFiles = Map.of();
  private final Map<Slot, Seen> seen = new HashMap<>();
  private final Map<Slot, String> refused = new HashMap<>();
  private String lastProblem;

  private volatile State state;

  /** The WAR's templates, and the operator's folder's if dir is not null. */
  public TemplateCatalog(Path dir) {
    this.dir = dir;
    this.shipped = shipped();
    this.state = new State(shipped, Map.of());
    if (dir != null && !Files.isDirectory(dir)) {
      LOG.warning(
          () -> "The mail templates folder " + dir + " does not exist (yet): the WAR's are used");
    }
    refresh();
  }

  /** Every template of the WAR, compiled; one that does not is a defect of the build. */
  static Map<Slot, InUse> shipped() {
    Map<Slot, InUse> shipped = new LinkedHashMap<>();
    for (String locale : SHIPPED) {
      for (ReminderKind kind : ReminderKind.values()) {
        for (TemplatePart part : TemplatePart.values()) {
          Slot slot = new Slot(locale, kind, part);
          String name = "templates/" + locale + "/" + slot.fileName();
          try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
              throw new IllegalStateException("The WAR lacks the mail template " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            shipped.put(slot, new InUse(TemplateCompiler.compile(text, name, part), DEFAULT));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return Map.copyOf(shipped);
  }

  /** The template of the slot, or null when the language has none of that kind. */
  public InUse get(Slot slot) {
    return state.inUse().get(slot);
  }

  /** The WAR's template of the slot (never broken), or null. */
  public InUse shipped(Slot slot) {
    return shipped.get(slot);
  }

  /**
   * The template set a mail of that kind is written from for a booking's language tag: the first of
   * the tag, its shorter forms and English that has all three parts of the kind.
   */
  public String localeFor(ReminderKind kind, String tag) {
    State current = state;
    for (String candidate : LanguageTags.candidates(tag == null ? LanguageTags.FALLBACK : tag)) {
      if (complete(current, candidate, kind)) {
        return candidate;
      }
    }
    return LanguageTags.FALLBACK;
  }

  /** Every slot in use, by where it comes from. */
  public Map<Slot, InUse> inUse() {
    return state.inUse();
  }

  /** The operator's files refused, by slot: why (file and line). */
  public Map<Slot, String> refused() {
    return state.refused();
  }

  /**
   * Reads the operator's folder again if any file in it was added, changed or deleted since the
   * last look; answers whether it did. Cheap when nothing changed: one directory listing and the
   * files' attributes.
   */
  public synchronized boolean refresh() {
    if (dir == null) {
      return false;
    }
    Scan scan;
    try {
      scan = TemplateFolder.scan(dir);
      lastProblem = null;
    } catch (IOException | UncheckedIOException e) {
      String problem = "Reading the mail templates folder " + dir + " failed: " + e;
      if (!problem.equals(lastProblem)) {
        LOG.warning(problem + "; the templates in use stay");
        lastProblem = problem;
      }
      return false;
    }
    if (scan.files().equals(lastFiles)) {
      return false;
    }
    scan.ignored()
        .forEach(
            (path, why) -> {
              if (!Objects.equals(lastFiles.get(path), scan.files().get(path))) {
                LOG.warning(() -> "Mail templates: ignoring " + path + ": " + why);
              }
            });
    Map<Slot, InUse> inUse = new HashMap<>(state.inUse());
    for (Slot slot : List.copyOf(seen.keySet())) {
      if (!scan.slots().containsKey(slot)) {
        Path gone = seen.remove(slot).file();
        refused.remove(slot);
        InUse fallback = shipped.get(slot);
        if (fallback == null) {
          inUse.remove(slot);
        } else {
          inUse.put(slot, fallback);
        }
        LOG.info(
            () ->
                "Mail template "
                    + gone
                    + " removed: "
                    + (fallback == null ? "no template" : "the WAR's")
                    + " in use for "
                    + describe(slot));
      }
    }
    scan.slots()
        .forEach(
            (slot, file) -> {
              if (!file.equals(seen.get(slot))) {
                seen.put(slot, file);
                load(slot, file.file(), inUse);
              }
            });
    lastFiles = scan.files();
    state = new State(Map.copyOf(inUse), Map.copyOf(refused));
    warnIncomplete(state);
    return true;
  }

  private void load(Slot slot, Path file, Map<Slot, InUse> inUse) {
    TemplateException problem;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Mustache mustache = TemplateCompiler.compile(text, file.toString(), slot.part());
      inUse.put(slot, new InUse(mustache, file.toString()));
      refused.remove(slot);
      LOG.info(() -> "Mail template " + file + " in use for " + describe(slot));
      return;
    } catch (TemplateException e) {
      problem = e;
    } catch (IOException | UncheckedIOException e) { // MalformedInputException: not UTF-8
      problem = new TemplateException(file.toString(), 0, "cannot be read as UTF-8 text: " + e);
    }
    refused.put(slot, problem.getMessage());
    InUse kept = inUse.get(slot);
    String message =
        "Mail template refused: "
            + problem.getMessage()
            + ". Still in use for "
            + describe(slot)
            + ": "
            + (kept == null
                ? "none (mails fall back to English)"
                : kept.source().equals(file.toString()) ? "its previous version" : kept.source());
    LOG.warning(message);
  }

  private static boolean complete(State state, String locale, ReminderKind kind) {
    for (TemplatePart part : TemplatePart.values()) {
      if (!state.inUse().containsKey(new Slot(locale, kind, part))) {
        return false;
      }
    }
    return true;
  }

  /** A language the WAR lacks is used for a kind only with all three parts of it. */
  private static void warnIncomplete(State state) {
    Set<String> locales = new java.util.TreeSet<>();
    state.inUse().keySet().forEach(slot -> locales.add(slot.locale()));
    for (String locale : locales) {
      for (ReminderKind kind : ReminderKind.values()) {
        Set<TemplatePart> missing = EnumSet.noneOf(TemplatePart.class);
        for (TemplatePart part : TemplatePart.values()) {
          if (!state.inUse().containsKey(new Slot(locale, kind, part))) {
            missing.add(part);
          }
        }
        if (!missing.isEmpty() && missing.size() < TemplatePart.values().length) {
          LOG.warning(
              () ->
                  "Mail templates of "
                      + locale
                      + ": "
                      + kind.name().toLowerCase(Locale.ROOT)
                      + " lacks "
                      + missing
                      + ", so those mails fall back to a shorter language tag or English");
        }
      }
    }
  }

  private static String describe(Slot slot) {
    return slot.locale() + "/" + slot.fileName();
  }
}
