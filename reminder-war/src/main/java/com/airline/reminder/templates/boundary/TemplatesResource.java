package com.airline.reminder.templates.boundary;

import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.templates.control.BookingFacts;
import com.airline.reminder.templates.control.LanguageTags;
import com.airline.reminder.templates.control.MailContent;
import com.airline.reminder.templates.control.MailTemplates;
import com.airline.reminder.templates.control.TemplateCatalog;
import com.airline.reminder.templates.control.TemplateCatalog.Slot;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The mail templates in use, and a preview of one against a sample booking; for ADMIN. The success
 * answers are documented from the return types (an {@code @APIResponse} 200 without content would
 * hide them from /openapi), the roles' 401 and 403 by the chassis.
 */
@Path("reminders/templates")
@ApplicationScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {

  private static final String KINDS =
      Arrays.stream(ReminderKind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));

  @Inject MailTemplates templates;

  @GET
  @RolesAllowed("ADMIN")
  public List<TemplateView> inUse() {
    TemplateCatalog catalog = templates.catalog();
    Map<Slot, TemplateCatalog.InUse> inUse = catalog.inUse();
    Map<Slot, String> refused = catalog.refused();
    Set<Slot> slots = new HashSet<>(inUse.keySet());
    slots.addAll(refused.keySet());
    return slots.stream()
        .sorted(
            Comparator.comparing(Slot::locale).thenComparing(Slot::kind).thenComparing(Slot::part))
        .map(slot -> TemplateView.of(slot, inUse.get(slot), refused.get(slot)))
        .toList();
  }

  @POST
  @Path("{kind}/preview")
  @RolesAllowed("ADMIN")
  @APIResponse(responseCode = "400", description = "The locale is not a language tag")
  @APIResponse(responseCode = "404", description = "No such kind of mail")
  public MailContent preview(@PathParam("kind") String kind, @QueryParam("locale") String locale) {
    ReminderKind mail = kind(kind);
    String tag = LanguageTags.FALLBACK;
    if (locale != null && !locale.isBlank()) {
      tag =
          LanguageTags.normalize(locale)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "locale must be a language tag such as en, de or de-AT"));
    }
    return templates.render(mail, tag, BookingFacts.sample());
  }

  private static ReminderKind kind(String kind) {
    for (ReminderKind k : ReminderKind.values()) {
      if (k.name().equalsIgnoreCase(kind)) {
        return k;
      }
    }
    throw new NotFoundException(
        "There is no mail of kind " + kind + "; the kinds are " + KINDS + ".");
  }
}
