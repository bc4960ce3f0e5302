/**
 * Reminder mails for bookings: booking events arrive through a message-driven bean, become rows in
 * airline_reminder (the truth) and persistent EJB timers (the waiting); a timer claims its row
 * before mailing, so each mail leaves at most once whatever restarts or redeliveries happen. A
 * timer fires only on the reminder instance that armed it: when one leaves the data grid, another
 * takes over its reminders.
 */
package com.airline.reminder.schedule;
