package io.kith.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client for timing one request at a time against a local server: one kept-alive
 * socket, the request written in one piece, the response read on the calling thread (status line,
 * headers, then a body of {@code Content-Length} bytes or in chunks). The JDK's {@code HttpClient}
 * hands every exchange between its own threads, which on a 2-core machine added some tenths of a
 * millisecond per request to what was meant to be the server's time; load tools such as wrk and
 * ab read the socket directly for the same reason. Not thread-safe; not a general client.
 */
final class Http1Client implements AutoCloseable {

  /** A request: its method, path with query, authorization header and JSON body (null for none). */
  record Request(String method, String path, String authorization, String json) {

    static Request get(String path, String authorization) {
      return new Request("GET", path, authorization, null);
    }

    static Request postJson(String path, String authorization, String json) {
      return new Request("POST", path, authorization, json);
    }
  }

  /** A response: status and body as text. */
  record Response(int status, String body) {}

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  Http1Client(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends {@code request} and reads its whole response; reconnects once when the server had closed a kept-alive socket. */
  Response send(Request request) {
    byte[] bytes = encode(request);
    boolean reused = socket != null;
    try {
      try {
        return exchange(bytes);
      } catch (IOException e) {
        if (!reused) {
          throw e;
        }
        // The server closed the kept-alive socket before this request reached it.
        close();
        return exchange(bytes);
      }
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(request.method() + " " + request.path() + ": " + e.getMessage(), e);
    }
  }

  private Response exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 65_536);
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    String status = line();
    if (status == null) {
      throw new IOException("connection closed before a response");
    }
    int code = Integer.parseInt(status.split(" ", 3)[1]);
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        default -> { }
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
          size = Long.parseLong(line().split(";")[0].trim(), 16)) {
        copy(size, body);
        line();
      }
      for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
        // trailers are not used
      }
    } else if (length >= 0) {
      copy(length, body);
    } else {
      in.transferTo(body);
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return new Response(code, body.toString(StandardCharsets.UTF_8));
  }

  private byte[] encode(Request request) {
    byte[] body = request.json() == null ? new byte[0] : request.json().getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
        .append("Host: ").append(host).append(':').append(port).append("\r\n")
        .append("Accept: application/json\r\n");
    if (request.authorization() != null) {
      head.append("Authorization: ").append(request.authorization()).append("\r\n");
    }
    if (request.json() != null) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  private void copy(long size, ByteArrayOutputStream body) throws IOException {
    byte[] buffer = in.readNBytes((int) size);
    if (buffer.length < size) {
      throw new IOException("connection closed inside a response body");
    }
    body.write(buffer);
  }

  /** One header line without its CRLF, or null at the end of the stream. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }
}
