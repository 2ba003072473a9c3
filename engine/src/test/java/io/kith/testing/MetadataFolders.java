package io.kith.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Metadata folders for tests: fixtures on the test classpath, and editable copies of them. */
public final class MetadataFolders {

  private MetadataFolders() {}

  /** A folder on the test classpath, e.g. {@code metadata-volunteer}; the shipped pack is {@code kith/metadata}. */
  public static Path resource(String name) {
    URL url = MetadataFolders.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no such test resource folder: " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a classpath folder (recursively) into {@code target} and returns {@code target}. */
  public static Path copy(String resource, Path target) {
    Path source = resource(resource);
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Writes (or overwrites) one file below {@code root}, creating folders as needed. */
  public static Path write(Path root, String relative, String content) {
    Path file = root.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
