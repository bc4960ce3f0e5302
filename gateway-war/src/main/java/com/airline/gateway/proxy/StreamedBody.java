package com.airline.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A request body passed on while it arrives: the request's thread reads the client's body into a
 * few chunks of buffer ({@link #pump}) and the HTTP client's I/O thread sends them as the service
 * takes them. Past the size limit the exchange is cancelled, so the service never sees a whole
 * request, and the client gets 413. Only a refused connection is retried, and then nothing was
 * taken yet: the same body serves the retry.
 */
final class StreamedBody implements AsyncEntityProducer {

  /** The client's body is larger than the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super("request body too large");
    }
  }

  private static final ByteBuffer END = ByteBuffer.allocate(0);
  private static final int CHUNK = 16 * 1024;

  private final BlockingQueue<ByteBuffer> chunks = new ArrayBlockingQueue<>(8);
  private final String contentType;
  private final long length;
  private volatile DataStreamChannel channel;
  private volatile ByteBuffer current;
  private volatile boolean abandoned;
  private volatile Future<?> exchange;

  StreamedBody(String contentType, long length) {
    this.contentType =
        (contentType == null ? ContentType.APPLICATION_OCTET_STREAM.toString() : contentType);
    this.length = length;
  }

  /** The exchange that takes this body now (a retry has a new one). */
  void sentBy(Future<?> call) {
    exchange = call;
  }

  /** No exchange takes more of it: the pump stops. */
  void abandon() {
    abandoned = true;
  }

  boolean abandoned() {
    return abandoned;
  }

  /**
   * Reads the client's body into the exchange until its end, until the exchange is over, or until
   * it passes {@code limit} bytes (then the exchange is cancelled and TooLargeException thrown).
   */
  void pump(InputStream in, long limit) throws IOException {
    long total = 0;
    while (!abandoned) {
      byte[] chunk = new byte[CHUNK];
      int n = in.read(chunk);
      if (n < 0) {
        offer(END);
        return;
      }
      total += n;
      if (total > limit) {
        cancel();
        throw new TooLargeException();
      }
      offer(ByteBuffer.wrap(chunk, 0, n));
    }
  }

  /** Stops the exchange (the client's body failed or is too large). */
  void cancel() {
    abandoned = true;
    Future<?> call = exchange;
    if (call != null) {
      call.cancel(true);
    }
  }

  private void offer(ByteBuffer chunk) throws IOException {
    try {
      while (!abandoned && !chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
        // the service takes its time: wait, unless the exchange ended meanwhile
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while passing the body on", e);
    }
    DataStreamChannel output = channel;
    if (output != null) {
      output.requestOutput();
    }
  }

  @Override
  public void produce(DataStreamChannel output) throws IOException {
    channel = output;
    while (true) {
      ByteBuffer chunk = current != null ? current : chunks.poll();
      if (chunk == null) {
        current = null;
        return; // more comes with requestOutput()
      }
      if (chunk == END) {
        current = null;
        output.endStream();
        return;
      }
      output.write(chunk);
      if (chunk.hasRemaining()) {
        current = chunk; // the connection is full: called again when it drains
        return;
      }
      current = null;
    }
  }

  @Override
  public int available() {
    ByteBuffer chunk = current != null ? current : chunks.peek();
    return chunk == null ? 0 : Math.max(1, chunk.remaining());
  }

  @Override
  public boolean isRepeatable() {
    return false;
  }

  @Override
  public void failed(Exception cause) {}

  @Override
  public void releaseResources() {
    // kept: after a refused connection the retry sends the same chunks
  }

  @Override
  public long getContentLength() {
    return length;
  }

  @Override
  public String getContentType() {
    return contentType;
  }

  @Override
  public String getContentEncoding() {
    return null;
  }

  @Override
  public boolean isChunked() {
    return length < 0;
  }

  @Override
  public Set<String> getTrailerNames() {
    return null;
  }
}
