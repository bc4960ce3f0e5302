package com.airline.reminder.schedule.boundary;

import com.airline.reminder.schedule.entity.Reminder;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The reminders of one booking, for ADMIN and SUPPORT. */
@Path("reminders")
@RequestScoped
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class RemindersResource {

  @PersistenceContext EntityManager em;

  @GET
  @RolesAllowed({"ADMIN", "SUPPORT"})
  public List<ReminderView> byBooking(
      @QueryParam("booking")
          @NotNull(message = "is required")
          @Pattern(regexp = "[A-Z2-9]{6}", message = "must be a booking reference")
          String booking) {
    return em.createNamedQuery(Reminder.FIND_BY_BOOKING, Reminder.class)
        .setParameter("reference", booking)
        .getResultStream()
        .map(ReminderView::from)
        .toList();
  }
}
