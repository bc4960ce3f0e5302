package com.airline.reminder;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Reminder mails for bookings, fed by booking events; support reads their state. */
@ApplicationPath("api/v1")
@DeclareRoles({"ADMIN", "SUPPORT", "USER"})
public class ReminderApplication extends Application {}
