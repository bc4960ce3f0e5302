package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.Reminder;
import jakarta.annotation.PostConstruct;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends one reminder mail over SMTP (SMTP_HOST, SMTP_PORT, SMTP_USER...). */
@ApplicationScoped
public class Mailer {

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

  @Inject MailText text;

  private Session session;
  private String domain;

  @PostConstruct
  void configure() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", host);
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    properties.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    properties.put("mail.smtp.starttls.required", String.valueOf(starttls));
    properties.put("mail.smtp.auth", String.valueOf(user.isPresent()));
    session = Session.getInstance(properties);
    int at = from.lastIndexOf('@');
    domain = at < 0 ? "airline.local" : from.substring(at + 1).replace(">", "").trim();
  }

  /**
   * Sends it, with a Message-ID made of the reminder's id: should a crash between sending and
   * recording ever send it again, the copies are recognisably the same mail.
   */
  public void send(Reminder reminder) throws MessagingException, UnsupportedEncodingException {
    MailText.Mail mail = text.of(reminder);
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
    plain.setText(mail.plain(), StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", plain, html));
    if (user.isPresent()) {
      Transport.send(message, user.get(), password.orElse(""));
    } else {
      Transport.send(message);
    }
  }
}
