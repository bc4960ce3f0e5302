package com.airline.listener;

import java.io.CharConversionException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.util.BufferChunk;
import org.glassfish.grizzly.http.util.ByteChunk;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;

/** The path of a request target, judged as Payara's web container will judge it. */
final class RequestTarget {

  /** A path a problem may quote: URI characters and well-formed escapes only, nothing to escape. */
  private static final Pattern QUOTABLE =
      Pattern.compile("/(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}){0,2000}");

  private RequestTarget() {}

  /**
   * Why Payara's web container would refuse this path (raw, as sent), or null when it takes it. The
   * container decodes it with Grizzly's decoder (UTF-8, an encoded slash allowed) and normalizes
   * it: a CharConversionException there gets a bare "400 Invalid URI", and an IllegalArgument or
   * IllegalStateException from a bad escape ("%zz", "%2") escapes it, logged, as "200 OK" with no
   * body (payara/Payara#8000). The same decoder runs here, on a copy.
   */
  static String defect(DataChunk path) {
    if (plain(path)) {
      return null;
    }
    DataChunk decoded = DataChunk.newInstance();
    // one byte more: normalization may append a '/' to a path ending in "/." or "/.."
    decoded.setBytes(new byte[path.getLength() + 1]);
    try {
      HttpRequestURIDecoder.decode(path, decoded, true, StandardCharsets.UTF_8);
    } catch (CharConversionException e) {
      return "The request target does not decode to a valid path: it holds a NUL or a backslash,"
          + " bytes that are not UTF-8, or steps above the root.";
    } catch (IllegalArgumentException | IllegalStateException e) {
      return "The request target is not percent-encoded correctly: every % must be followed by"
          + " two hexadecimal digits.";
    }
    if (!decoded.startsWith("/", 0) && !decoded.equals("*")) {
      return "The request target must be a path that starts with /.";
    }
    return null;
  }

  /** The path as a problem's instance, or null when it is not a plain, well-formed URI path. */
  static String quotable(DataChunk path) {
    String raw = path.toString(StandardCharsets.ISO_8859_1);
    return QUOTABLE.matcher(raw).matches() ? raw : null;
  }

  /**
   * True when nothing in the path can trouble the decoder or normalization: it starts with '/' and
   * holds only printable ASCII without '%', '\' or "/.". Almost every request: checked in one pass,
   * without copying.
   */
  private static boolean plain(DataChunk path) {
    switch (path.getType()) {
      case Buffer -> {
        BufferChunk chunk = path.getBufferChunk();
        var buffer = chunk.getBuffer();
        int previous = 0;
        for (int i = chunk.getStart(); i < chunk.getEnd(); i++) {
          byte b = buffer.get(i);
          if (!plain(previous, b, i == chunk.getStart())) {
            return false;
          }
          previous = b;
        }
        return chunk.getLength() > 0;
      }
      case Bytes -> {
        ByteChunk chunk = path.getByteChunk();
        byte[] bytes = chunk.getBuffer();
        int previous = 0;
        for (int i = chunk.getStart(); i < chunk.getEnd(); i++) {
          if (!plain(previous, bytes[i], i == chunk.getStart())) {
            return false;
          }
          previous = bytes[i];
        }
        return chunk.getLength() > 0;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean plain(int previous, byte b, boolean first) {
    if (first) {
      return b == '/';
    }
    return b > ' ' && b < 0x7f && b != '%' && b != '\\' && !(b == '.' && previous == '/');
  }
}
