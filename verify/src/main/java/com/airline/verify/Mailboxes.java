package com.airline.verify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The mails the platform sent, as the SMTP catcher holds them, read over IMAP. GreenMail (the
 * catcher of {@code ./airline up} and of the tests) keeps a mailbox per recipient whose login and
 * password are the address; one that received nothing yet refuses the login.
 */
final class Mailboxes {

  private final String host;
  private final int port;

  Mailboxes(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("IMAP as HOST:PORT, not " + hostAndPort);
    }
    host = hostAndPort.substring(0, colon);
    port = Integer.parseInt(hostAndPort.substring(colon + 1));
  }

  /** The subjects of the mails to the address, oldest first. */
  List<String> subjects(String address) {
    Properties settings = new Properties();
    settings.put("mail.imap.connectiontimeout", "5000");
    settings.put("mail.imap.timeout", "10000");
    try (var store = Session.getInstance(settings).getStore("imap")) {
      store.connect(host, port, address, address);
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        List<String> subjects = new ArrayList<>();
        for (Message message : inbox.getMessages()) {
          subjects.add(message.getSubject());
        }
        return subjects;
      } finally {
        inbox.close(false);
      }
    } catch (AuthenticationFailedException e) {
      return List.of();
    } catch (MessagingException e) {
      throw new IllegalStateException("Cannot read mails at " + host + ":" + port + ": " + e, e);
    }
  }
}
