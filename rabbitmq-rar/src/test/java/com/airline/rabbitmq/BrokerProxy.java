package com.airline.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy between what a test runs (the adapter, a service) and RabbitMQ, so that a test can
 * break those broker connections alone: the machine's one broker, which a running {@code ./airline
 * up} shares, is never stopped. {@link #cut()} closes every connection and refuses new ones
 * (accepted and closed at once) until {@link #restore()}. The system tests use it too (this
 * module's test jar).
 */
public final class BrokerProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String host;
  private final int port;
  private final List<Socket> open = new ArrayList<>();
  private boolean cut;

  private BrokerProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("broker-proxy-" + server.getLocalPort(), this::accept).start();
  }

  /** A proxy on a free local port that forwards to host:port. */
  public static BrokerProxy to(String host, int port) {
    try {
      return new BrokerProxy(host, port);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot open a proxy to " + host + ":" + port, e);
    }
  }

  /** The local port to point the service at. */
  public int port() {
    return server.getLocalPort();
  }

  /** Closes every connection through the proxy; new ones are closed at once until restored. */
  public void cut() {
    List<Socket> closing;
    synchronized (this) {
      cut = true;
      closing = List.copyOf(open);
      open.clear();
    }
    closing.forEach(BrokerProxy::close);
  }

  /** Lets connections through again. */
  public synchronized void restore() {
    cut = false;
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closed already
    }
    cut();
  }

  /** Connections through the proxy now (a client and its broker side count one). */
  public synchronized int connections() {
    return open.size() / 2;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      Socket broker = new Socket();
      try {
        synchronized (this) {
          if (cut) {
            throw new IOException("cut");
          }
        }
        broker.connect(new InetSocketAddress(host, port), 5_000);
        synchronized (this) {
          if (cut) {
            throw new IOException("cut");
          }
          open.add(client);
          open.add(broker);
        }
      } catch (IOException e) {
        close(client);
        close(broker);
        continue;
      }
      daemon("broker-proxy-up", () -> pump(client, broker)).start();
      daemon("broker-proxy-down", () -> pump(broker, client)).start();
    }
  }

  /** Copies one direction until either side ends, then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException e) {
      // one side is gone: so is the connection
    } finally {
      synchronized (this) {
        open.remove(from);
        open.remove(to);
      }
      close(from);
      close(to);
    }
  }

  private static Thread daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed already
    }
  }
}
