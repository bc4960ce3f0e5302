package com.airline.reminder.templates.control;

import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.templates.control.TemplateCatalog.Slot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One look at an operator's templates folder: &lt;language&gt;/&lt;kind&gt;.&lt;part&gt;.mustache
 * files by slot, every file's time and size (what tells a change), and what is ignored and why. A
 * folder that does not exist is an empty one.
 */
final class TemplateFolder {

  private static final Pattern FILE =
      Pattern.compile("(confirmation|t24h|t2h|cancellation)\\.(subject|text|html)\\.mustache");

  record Seen(Path file, FileTime modified, long size) {}

  record Scan(Map<Path, Seen> files, Map<Slot, Seen> slots, Map<Path, String> ignored) {}

  private TemplateFolder() {}

  /** The language's folders' files, by slot; anything else is ignored, and said so. */
  static Scan scan(Path dir) throws IOException {
    Map<Path, Seen> files = new HashMap<>();
    Map<Slot, Seen> slots = new HashMap<>();
    Map<Path, String> ignored = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return new Scan(files, slots, ignored);
    }
    for (Path entry : sorted(dir)) {
      if (!Files.isDirectory(entry)) {
        ignored.put(entry, "templates go in a folder per language, such as en/ or de/");
        files.put(entry, seen(entry));
        continue;
      }
      String tag = LanguageTags.normalize(entry.getFileName().toString()).orElse(null);
      for (Path file : sorted(entry)) {
        Seen seen = seen(file);
        files.put(file, seen);
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (tag == null) {
          ignored.put(file, "its folder is not named by a language tag, such as en or de-at");
        } else if (!name.matches() || !Files.isRegularFile(file)) {
          ignored.put(
              file,
              "not a template name: <kind>.<part>.mustache, kind confirmation, t24h, t2h or"
                  + " cancellation, part subject, text or html");
        } else {
          Slot slot =
              new Slot(
                  tag,
                  ReminderKind.valueOf(name.group(1).toUpperCase(Locale.ROOT)),
                  TemplatePart.valueOf(name.group(2).toUpperCase(Locale.ROOT)));
          if (slots.putIfAbsent(slot, seen) != null) {
            ignored.put(file, "another folder of language " + tag + " has it already");
          }
        }
      }
    }
    return new Scan(files, slots, ignored);
  }

  /** The entries of a folder but hidden ones (editors' swap files), in name order. */
  private static List<Path> sorted(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path entry : stream) {
        if (!entry.getFileName().toString().startsWith(".")) {
          entries.add(entry);
        }
      }
    }
    entries.sort(null);
    return entries;
  }

  private static Seen seen(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new Seen(file, attributes.lastModifiedTime(), attributes.size());
  }
}
