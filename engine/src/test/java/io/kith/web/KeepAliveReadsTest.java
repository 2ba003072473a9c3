package io.kith.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kith.testing.KithExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A kept-alive connection keeps being answered (see {@link KeepAliveReads}): two requests sent in
 * one write, the first needing the database and the second not (its sign-in is kept in memory),
 * then a third on the same connection. Without the handler the third is never read
 * (reactor/reactor-netty#4361).
 */
class KeepAliveReadsTest {

  @RegisterExtension
  static final KithExtension kith = KithExtension.shipped();

  @Test
  void aConnectionIsStillReadAfterAQueuedRequestIsAnsweredAtOnce() throws Exception {
    String token = kith.server().adminToken();
    String slow = request("/api/v1/contact?size=5", token);
    String fast = request("/api/v1/meta/option-lists/gender", token);
    try (Socket socket = new Socket("127.0.0.1", kith.server().port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(fast.getBytes(StandardCharsets.US_ASCII));
      assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
      List<String> answers = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        out.write((slow + fast).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        answers.add(readResponse(in));
        answers.add(readResponse(in));
        out.write(fast.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        answers.add(readResponse(in));
      }
      assertThat(answers).hasSize(60).allMatch(a -> a.startsWith("HTTP/1.1 200"));
    }
  }

  private static String request(String path, String token) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nAccept: application/json\r\n\r\n";
  }

  /** One whole response (status line and headers; the body is read and left out), by length or chunks. */
  private static String readResponse(InputStream in) throws IOException {
    String head = readHead(in);
    String lower = head.toLowerCase(Locale.ROOT);
    int at = lower.indexOf("content-length:");
    if (at >= 0) {
      int end = lower.indexOf("\r\n", at);
      in.readNBytes(Integer.parseInt(head.substring(at + 15, end).strip()));
    } else if (lower.contains("transfer-encoding: chunked")) {
      while (true) {
        int size = Integer.parseInt(readLine(in).strip(), 16);
        in.readNBytes(size + 2);
        if (size == 0) {
          break;
        }
      }
    }
    return head;
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    String line;
    while (!(line = readLine(in)).isEmpty()) {
      head.append(line).append("\r\n");
    }
    return head.toString();
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("connection closed after: " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
