package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.Reminder;
import com.airline.reminder.templates.control.BookingFacts;
import com.airline.reminder.templates.control.MailContent;
import com.airline.reminder.templates.control.MailTemplates;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends reminder mails over SMTP (SMTP_HOST, SMTP_PORT, SMTP_USER...) on kept connections: a
 * connection per mail (TCP, greeting, EHLO, STARTTLS, AUTH, QUIT) cost more than the mail itself.
 */
@ApplicationScoped
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  /** Connections kept between mails; as many as mails are sent at once, at most. */
  private static final int KEPT = 8;

  /** A connection idle longer is asked (NOOP) whether the server still holds it before use. */
  private static final long CHECK_AFTER_IDLE_MS = 5_000;

  private record Kept(Transport transport, long idleSince) {}

  private final BlockingDeque<Kept> kept = new LinkedBlockingDeque<>(KEPT);

  @Inject
  @ConfigProperty(name = "smtp.host")
  String host;

  @Inject
  @ConfigProperty(name = "smtp.port")
  int port;

  @Inject
  @ConfigProperty(name = "smtp.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "smtp.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "smtp.starttls")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "mail.from")
  String from;

  @Inject MailTemplates templates;

  private Session session;
  private String domain;

  @PostConstruct
  void configure() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    // a reply may take a minute: one given up on after the message's final "." may still be
    // delivered, and sending it again would mail it twice (RFC 5321 4.5.3.2.6 gives the server
    // ten minutes there); under load, 10 s sent confirmations twice
    properties.put("mail.smtp.timeout", "60000");
    properties.put("mail.smtp.writetimeout", "10000");
    properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
    properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
    session = Session.getInstance(properties);
    int at = from.lastIndexOf('@');
    domain = at < 0 ? "airline.local" : from.substring(at + 1).replace(">", "").trim();
  }

  @PreDestroy
  void closeAll() {
    for (Kept k; (k = kept.pollFirst()) != null; ) {
      close(k.transport());
    }
  }

  /**
   * Sends it, with a Message-ID made of the reminder's id: should a crash between sending and
   * recording ever send it again, the copies are recognisably the same mail.
   */
  public void send(Reminder reminder) throws MessagingException, UnsupportedEncodingException {
    MailContent mail = templates.render(reminder.getKind(), reminder.getLocale(), facts(reminder));
    String messageId = "<reminder-" + reminder.getId() + "@" + domain + ">";
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress(reminder.getPassengerEmail(), reminder.getPassengerName(), "UTF-8"));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(mail.text(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", plain, html));
    message.saveChanges();
    Transport transport = connection();
    try {
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException | RuntimeException e) {
      // in an unknown state, and the others likely too (the server went away): the failure is
      // retried later on a new connection
      close(transport);
      closeAll();
      throw e;
    }
    if (!kept.offerFirst(new Kept(transport, System.currentTimeMillis()))) {
      close(transport);
    }
  }

  private static BookingFacts facts(Reminder r) {
    return new BookingFacts(
        r.getPassengerName(),
        r.getBookingReference(),
        r.getAirlineCode(),
        r.getAirlineName(),
        r.getFlightNumber(),
        r.getDepartureAirport(),
        r.getArrivalAirport(),
        r.getDepartureTime(),
        r.getSeats());
  }

  /** The most recently used kept connection that is still open, else a new one. */
  private Transport connection() throws MessagingException {
    for (Kept k; (k = kept.pollFirst()) != null; ) {
      boolean fresh = System.currentTimeMillis() - k.idleSince() < CHECK_AFTER_IDLE_MS;
      if (fresh || k.transport().isConnected()) {
        return k.transport();
      }
      close(k.transport());
    }
    Transport transport = session.getTransport("smtp");
    transport.connect(host, port, user.orElse(null), user.isPresent() ? password.orElse("") : null);
    return transport;
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      LOG.log(Level.FINE, "Closing an SMTP connection failed", e);
    }
  }
}
