package com.airline.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server reminder mails to during the tests: GreenMail in the test JVM on {@link
 * Airline#SMTP_PORT}, which a test may stop and start again to play an SMTP outage. Its IMAP side
 * (on {@link #IMAP_PORT}) is where {@code ./airline verify} reads them, as from {@code ./airline
 * up}'s catcher.
 */
public final class Mailbox {

  public static final int IMAP_PORT = Airline.SMTP_PORT + 1;

  private static GreenMail server;

  private Mailbox() {}

  public static synchronized void start() {
    if (server == null) {
      server =
          new GreenMail(
              new ServerSetup[] {
                new ServerSetup(Airline.SMTP_PORT, "127.0.0.1", "smtp"),
                new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")
              });
      server.start();
    }
  }

  /** Refuses connections until {@link #start()}; mails received so far are forgotten. */
  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every mail received for the address, oldest first. */
  public static synchronized List<MimeMessage> to(String address) {
    if (server == null) {
      return List.of();
    }
    return Arrays.stream(server.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .toList();
  }

  /** Waits for mails to the address whose subject contains the text; answers them all. */
  public static List<MimeMessage> await(String address, String subject, Duration atMost)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    while (true) {
      List<MimeMessage> found = withSubject(address, subject);
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        return found;
      }
      Thread.sleep(200);
    }
  }

  /**
   * When this server received each mail to the address whose subject contains the text (its own
   * clock, to the millisecond), earliest first.
   */
  public static synchronized List<Instant> receivedAt(String address, String subject) {
    if (server == null) {
      return List.of();
    }
    return server.getManagers().getImapHostManager().getAllMessages().stream()
        .filter(
            m ->
                recipients(m.getMimeMessage()).contains(address)
                    && subject(m.getMimeMessage()).contains(subject))
        .map(m -> m.getReceivedDate().toInstant())
        .sorted()
        .toList();
  }

  public static List<MimeMessage> withSubject(String address, String subject) {
    return to(address).stream().filter(m -> subject(m).contains(subject)).toList();
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plain-text and the HTML part of a multipart/alternative mail. */
  public static String[] parts(MimeMessage message) {
    try {
      MimeMultipart multipart = (MimeMultipart) message.getContent();
      return new String[] {
        (String) multipart.getBodyPart(0).getContent(),
        (String) multipart.getBodyPart(1).getContent()
      };
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
