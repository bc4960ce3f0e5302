package com.airline.reminder.schedule.boundary;

import com.airline.reminder.ReminderStartup;
import com.airline.reminder.schedule.control.BookingEvent;
import com.airline.reminder.schedule.control.MalformedEventException;
import com.airline.reminder.schedule.control.Reminders;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Booking events from RabbitMQ, through our resource adapter (rabbitmq-rar): a durable quorum queue
 * bound to airline.events with booking.#. Rows and timers are written in the delivery's
 * transaction; an exception rolls both back and the message comes again, up to five times, then it
 * goes to the dead-letter queue. The broker's address comes from RABBITMQ_HOST etc.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "rabbitmq-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(
          propertyName = "queue",
          propertyValue = "${REMINDER_EVENTS_QUEUE:reminder.booking-events}"),
      @ActivationConfigProperty(
          propertyName = "exchange",
          propertyValue = "${REMINDER_EVENTS_EXCHANGE:airline.events}"),
      @ActivationConfigProperty(propertyName = "bindingKey", propertyValue = "booking.#"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      @ActivationConfigProperty(propertyName = "maxDeliveries", propertyValue = "5"),
      @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "1000")
    })
public class BookingEventsConsumer implements MessageListener {

  private static final Logger LOG = Logger.getLogger(BookingEventsConsumer.class.getName());

  @Inject ReminderStartup startup;
  @Inject Reminders reminders;
  @Inject ReminderTimers timers;

  @Override
  public void onMessage(Message message) {
    if (!startup.awaitReady(Duration.ofMinutes(2))) {
      throw new IllegalStateException("the schema is not migrated yet");
    }
    BookingEvent event = BookingEvent.parse(text(message));
    if (!event.created() && !event.cancelled()) {
      LOG.fine(() -> "Ignoring event " + event.eventId() + " of type " + event.type());
      return;
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (!reminders.firstDelivery(event)) {
      LOG.fine(() -> "Event " + event.eventId() + " was consumed before");
      return;
    }
    if (event.created()) {
      reminders.schedule(event.booking(), now).forEach(timers::arm);
    } else {
      Reminders.Cancellation cancellation = reminders.cancel(event.booking(), now);
      timers.cancel(cancellation.cancelled());
      if (cancellation.mail() != null) {
        timers.arm(cancellation.mail());
      }
    }
  }

  /**
   * Booking publishes to an AMQP exchange, so its messages carry no JMS type and arrive as bytes; a
   * JMS producer's text arrives as text.
   */
  private static String text(Message message) {
    try {
      if (message instanceof TextMessage text) {
        return text.getText();
      }
      if (message instanceof BytesMessage bytes) {
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
      }
    } catch (JMSException e) {
      throw new MalformedEventException("unreadable body: " + e.getMessage());
    }
    throw new MalformedEventException("not a text message: " + message.getClass().getName());
  }
}
