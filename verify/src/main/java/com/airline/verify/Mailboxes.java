package com.airline.verify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mails the platform sent, as the SMTP catcher holds them, read over IMAP. GreenMail (the
 * catcher of {@code ./airline up} and of the tests) keeps a mailbox per recipient whose login and
 * password are the address; one that received nothing yet refuses the login. A mailbox's session
 * stays open between readings: a login per look, for 50 users looking every second, kept the
 * catcher too busy to take the mails.
 */
final class Mailboxes implements AutoCloseable {

  private final String host;
  private final int port;
  private final Session session;
  private final Map<String, Store> stores = new ConcurrentHashMap<>();

  Mailboxes(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("IMAP as HOST:PORT, not " + hostAndPort);
    }
    host = hostAndPort.substring(0, colon);
    port = Integer.parseInt(hostAndPort.substring(colon + 1));
    Properties settings = new Properties();
    settings.put("mail.imap.connectiontimeout", "5000");
    settings.put("mail.imap.timeout", "30000");
    session = Session.getInstance(settings);
  }

  /** A mail as the catcher holds it: its subject, and when the catcher took it (to the second). */
  record Mail(String subject, java.time.Instant received) {}

  /** The subjects of the mails to the address, oldest first. */
  List<String> subjects(String address) {
    return mails(address).stream().map(Mail::subject).toList();
  }

  /** The mails to the address, oldest first. */
  List<Mail> mails(String address) {
    try {
      Store store = stores.get(address);
      if (store == null || !store.isConnected()) {
        store = session.getStore("imap");
        store.connect(host, port, address, address);
        stores.put(address, store);
      }
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        List<Mail> mails = new ArrayList<>();
        Message[] messages = inbox.getMessages();
        // subjects and dates of all in one IMAP command, not one each
        FetchProfile envelopes = new FetchProfile();
        envelopes.add(FetchProfile.Item.ENVELOPE);
        inbox.fetch(messages, envelopes);
        for (Message message : messages) {
          mails.add(new Mail(message.getSubject(), message.getReceivedDate().toInstant()));
        }
        return mails;
      } finally {
        inbox.close(false);
      }
    } catch (AuthenticationFailedException e) {
      return List.of();
    } catch (MessagingException e) {
      stores.remove(address);
      throw new IllegalStateException("Cannot read mails at " + host + ":" + port + ": " + e, e);
    }
  }

  @Override
  public void close() {
    for (Store store : stores.values()) {
      try {
        store.close();
      } catch (MessagingException e) {
        // closing anyway
      }
    }
    stores.clear();
  }
}
