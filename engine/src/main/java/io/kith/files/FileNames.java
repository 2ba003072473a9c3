package io.kith.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** File names from uploads made safe to keep and to send back in a Content-Disposition header. */
public final class FileNames {

  private static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** The last path part, without control characters, at most 255 characters; "file" when nothing is left. */
  public static String clean(String uploaded) {
    String name = uploaded == null ? "" : uploaded;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH);
    }
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "file" : name;
  }

  /**
   * {@code attachment; filename="ascii"; filename*=UTF-8''percent-encoded}: the quoted name keeps only
   * printable ASCII other than quote and backslash, for old clients; others read the exact name.
   */
  public static String attachment(String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
