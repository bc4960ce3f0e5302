package com.airline.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.junit.jupiter.api.Test;

class StreamedBodyTest {

  /** A connection that takes at most 1000 bytes per write, as a busy socket does. */
  static final class Connection implements DataStreamChannel {
    final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    final AtomicBoolean ended = new AtomicBoolean();

    @Override
    public int write(ByteBuffer src) {
      int n = Math.min(1000, src.remaining());
      byte[] part = new byte[n];
      src.get(part);
      sent.write(part, 0, n);
      return n;
    }

    @Override
    public void endStream() {
      ended.set(true);
    }

    @Override
    public void endStream(List<? extends Header> trailers) {
      ended.set(true);
    }

    @Override
    public void requestOutput() {}
  }

  @Test
  void pump_passesTheWholeBodyOn_asTheConnectionTakesIt() throws Exception {
    byte[] body = new byte[200_000];
    new Random(7).nextBytes(body);
    StreamedBody streamed = new StreamedBody("application/json", body.length);
    CompletableFuture<Void> pumping =
        CompletableFuture.runAsync(
            () -> {
              try {
                streamed.pump(new ByteArrayInputStream(body), 1_000_000);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
    Connection connection = new Connection();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!connection.ended.get() && System.nanoTime() < deadline) {
      streamed.produce(connection);
    }
    pumping.get(10, TimeUnit.SECONDS);
    assertTrue(connection.ended.get());
    assertArrayEquals(body, connection.sent.toByteArray());
  }

  @Test
  void pump_pastTheLimit_cancelsTheExchange() {
    StreamedBody streamed = new StreamedBody(null, -1);
    CompletableFuture<Object> exchange = new CompletableFuture<>();
    streamed.sentBy(exchange);
    Thread taker =
        new Thread(
            () -> {
              Connection connection = new Connection();
              while (!streamed.abandoned()) {
                try {
                  streamed.produce(connection);
                } catch (java.io.IOException e) {
                  return;
                }
              }
            });
    taker.start();
    assertThrows(
        StreamedBody.TooLargeException.class,
        () -> streamed.pump(new ByteArrayInputStream(new byte[100_000]), 50_000));
    assertTrue(exchange.isCancelled());
    assertTrue(streamed.abandoned());
  }
}
