package com.airline.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests no HTTP client library sends, written on a socket as they are: request targets that do
 * not decode or climb above the root, and header fields past every sane size.
 */
final class Raw {

  private Raw() {}

  /** Each trick by name: the request head after the method, before the Host line. */
  static Map<String, String> tricks() {
    Map<String, String> tricks = new LinkedHashMap<>();
    for (String target :
        new String[] {
          "/api/v1/flights/%zz",
          "/api/v1/bookings/%00%00",
          "/api/v1/airports/%C0%AF",
          "/api/v1/flights/%",
          "/api/v1/../../../etc/passwd",
          "/api/v1/flights/..%2f..%2f..%2fhealth",
          "/api/v1/flights/\\..\\..\\",
          "/api/v1/flights?from=%zz",
          "/api/v1/flights?size=%FF%FE"
        }) {
      tricks.put("GET " + target, "GET " + target + " HTTP/1.1\r\n");
    }
    tricks.put(
        "GET /api/v1/flights with a 64 KiB header",
        "GET /api/v1/flights HTTP/1.1\r\nX-Large: " + "a".repeat(64 * 1024) + "\r\n");
    StringBuilder many = new StringBuilder("GET /api/v1/flights HTTP/1.1\r\n");
    for (int i = 0; i < 500; i++) {
      many.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
    }
    tricks.put("GET /api/v1/flights with 500 header fields", many.toString());
    return tricks;
  }

  /** Sends the head (Host and Connection: close added) and reads the whole answer. */
  static Client.Reply send(URI gateway, String head) {
    int port = gateway.getPort() < 0 ? 80 : gateway.getPort();
    long started = System.nanoTime();
    try (Socket socket = new Socket(gateway.getHost(), port)) {
      socket.setSoTimeout(30_000);
      String request =
          head + "Host: " + gateway.getHost() + ":" + port + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(socket.getInputStream(), (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      return new Client.Reply(0, Map.of(), "no answer: " + e, 0);
    }
  }

  private static Client.Reply parse(InputStream in, long millis) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status;
    try {
      status = Integer.parseInt(lines[0].split(" ")[1]);
    } catch (RuntimeException e) {
      return new Client.Reply(0, Map.of(), "no status line: " + Client.abbreviated(text), millis);
    }
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunked(body);
    }
    return new Client.Reply(status, headers, body, millis);
  }

  private static String unchunked(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int line = body.indexOf("\r\n", at);
      if (line < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, line).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, line + 2, Math.min(body.length(), line + 2 + size));
      at = line + 2 + size + 2;
    }
    return out.toString();
  }
}
