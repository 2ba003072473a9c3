package io.kith.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where metadata files come from: the pack inside the jar ({@code classpath:kith/metadata}) or a
 * folder on disk. Reading happens at start-up, before traffic, so it may block.
 */
public final class MetadataSource {

  public static final String CLASSPATH = "classpath:kith/metadata";

  private final String location;

  public MetadataSource(String location) {
    this.location = location == null || location.isBlank() ? CLASSPATH : location;
  }

  public String location() {
    return location;
  }

  public List<MetadataFile> read() {
    List<MetadataFile> files = new ArrayList<>();
    for (MetadataKind kind : MetadataKind.values()) {
      files.addAll(location.startsWith("classpath:") ? fromClasspath(kind) : fromFolder(kind));
    }
    return files;
  }

  private List<MetadataFile> fromFolder(MetadataKind kind) {
    Path root = Path.of(location.startsWith("file:") ? location.substring(5) : location);
    if (!Files.isDirectory(root)) {
      throw new MetadataException(
          List.of(new MetadataProblem(root.toString(), "", "The metadata folder does not exist.")));
    }
    Path folder = root.resolve(kind.folder());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(folder)) {
      return paths
          .filter(MetadataSource::isMetadataFile)
          .sorted(Comparator.comparing(Path::toString))
          .map(p -> new MetadataFile(root.relativize(p).toString(), kind, readString(p)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<MetadataFile> fromClasspath(MetadataKind kind) {
    String base = location.substring("classpath:".length());
    var resolver = new PathMatchingResourcePatternResolver();
    try {
      Resource[] resources = resolver.getResources("classpath*:" + base + "/" + kind.folder() + "/*");
      List<MetadataFile> files = new ArrayList<>();
      for (Resource r : resources) {
        String name = r.getFilename();
        if (name != null && isMetadataName(name)) {
          try (InputStream in = r.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            files.add(new MetadataFile(kind.folder() + "/" + name, kind, text));
          }
        }
      }
      files.sort(Comparator.comparing(MetadataFile::path));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isMetadataFile(Path p) {
    return Files.isRegularFile(p) && isMetadataName(p.getFileName().toString());
  }

  private static boolean isMetadataName(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
