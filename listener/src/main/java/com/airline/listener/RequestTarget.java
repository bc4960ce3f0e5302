package com.airline.listener;

import java.io.CharConversionException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.util.BufferChunk;
import org.glassfish.grizzly.http.util.ByteChunk;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;

/** The path of a request target, judged as Payara's web container will judge it. */
final class RequestTarget {

  /** The longest path a problem quotes. */
  private static final int QUOTABLE_LENGTH = 2048;

  /** Besides letters and digits, what a quoted path may hold (RFC 3986 pchar and '/'). */
  private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";

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
    if (indirect(path.toString(StandardCharsets.ISO_8859_1))) {
      return "The request target holds a dot segment (. or ..) or an encoded slash, backslash or"
          + " dot: name the resource by its own path.";
    }
    return null;
  }

  /**
   * True for a path that names its resource indirectly: a "." or ".." segment, or a slash,
   * backslash or dot percent-encoded. The container would resolve it
   * (".../flights/..%2f..%2fhealth" is the gateway's /health), so that what the edge's path rules
   * read and what is served differ; no client sends one (they remove dot segments, RFC 3986 5.2.4).
   */
  private static boolean indirect(String raw) {
    String lower = raw.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
      return true;
    }
    for (String segment : raw.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path as sent, for a problem's instance, or null unless it is a well-formed URI path: only
   * URI characters and complete escapes, so nothing in it needs escaping in JSON or a log line.
   */
  static String quotable(DataChunk path) {
    if (path.getLength() > QUOTABLE_LENGTH) {
      return null;
    }
    String raw = path.toString(StandardCharsets.ISO_8859_1);
    if (!raw.startsWith("/")) {
      return null;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
          return null;
        }
        i += 2;
      } else if (!(c < 0x80 && Character.isLetterOrDigit(c)) && PATH_CHARACTERS.indexOf(c) < 0) {
        return null;
      }
    }
    return raw;
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
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
