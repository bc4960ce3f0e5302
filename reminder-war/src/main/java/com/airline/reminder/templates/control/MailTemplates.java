package com.airline.reminder.templates.control;

import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.templates.control.TemplateCatalog.InUse;
import com.airline.reminder.templates.control.TemplateCatalog.Slot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders mails from the templates in use (TemplateCatalog). Should one fail while rendering (it
 * was checked when loaded, so it should not), the WAR's template of that language, else English,
 * writes the mail: a template never costs a mail.
 */
@ApplicationScoped
public class MailTemplates {

  private static final Logger LOG = Logger.getLogger(MailTemplates.class.getName());

  /** The operator's templates (REMINDER_TEMPLATES_DIR); unset, the WAR's only. */
  @Inject
  @ConfigProperty(name = "reminder.templates.dir")
  Optional<String> dir;

  private TemplateCatalog catalog;
  private MailValues values;

  @PostConstruct
  void load() {
    values = new MailValues();
    catalog = new TemplateCatalog(dir.filter(d -> !d.isBlank()).map(Path::of).orElse(null));
  }

  /** Reads the operator's folder again if something in it changed. */
  public void refresh() {
    catalog.refresh();
  }

  public TemplateCatalog catalog() {
    return catalog;
  }

  /** The mail of that kind for the booking, in its language (a tag, null for English) if there. */
  public MailContent render(ReminderKind kind, String languageTag, BookingFacts booking) {
    String locale = catalog.localeFor(kind, languageTag);
    Map<String, Object> scope = values.of(booking, locale);
    try {
      return render(kind, locale, scope, catalog::get);
    } catch (RuntimeException e) {
      String shipped = TemplateCatalog.SHIPPED.contains(locale) ? locale : LanguageTags.FALLBACK;
      LOG.log(
          Level.SEVERE,
          "Rendering the "
              + locale
              + " "
              + kind
              + " mail of booking "
              + booking.reference()
              + " failed; the WAR's "
              + shipped
              + " templates write it",
          e);
      return render(kind, shipped, values.of(booking, shipped), catalog::shipped);
    }
  }

  private static MailContent render(
      ReminderKind kind,
      String locale,
      Map<String, Object> scope,
      Function<Slot, InUse> templates) {
    String subject = execute(templates, new Slot(locale, kind, TemplatePart.SUBJECT), scope);
    // a header: one line, whatever the template and the values contain
    subject = subject.replaceAll("\\s+", " ").strip();
    if (subject.isEmpty()) {
      throw new IllegalStateException("the subject came out empty");
    }
    return new MailContent(
        locale,
        subject,
        execute(templates, new Slot(locale, kind, TemplatePart.TEXT), scope),
        execute(templates, new Slot(locale, kind, TemplatePart.HTML), scope));
  }

  private static String execute(
      Function<Slot, InUse> templates, Slot slot, Map<String, Object> scope) {
    InUse template = templates.apply(slot);
    if (template == null) {
      throw new IllegalStateException("no template " + slot);
    }
    StringWriter out = new StringWriter();
    template.mustache().execute(out, scope);
    return out.toString();
  }
}
