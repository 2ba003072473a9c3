package io.kith.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU time of this JVM's threads by what they do, read from Linux's {@code /proc/self/task}: the
 * garbage collector's and the JIT's threads are not Java threads, so {@code ThreadMXBean} does not
 * see them. A thread that ends between two readings takes its time with it (it counts nowhere).
 */
final class ThreadCpu {

  /** Kernel clock ticks per second of {@code utime} and {@code stime} (USER_HZ: 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  enum Group {
    CHECKS("parallel"), GC("GC"), JIT("JIT"), EVENT_LOOP("event loop"), OTHER("other");

    private final String label;

    Group(String label) {
      this.label = label;
    }

    static Group of(String threadName) {
      if (threadName.startsWith("parallel-")) {
        return CHECKS; // Reactor's parallel scheduler: record checks, COPY encoding, history entries
      }
      if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
        return GC;
      }
      if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
        return JIT;
      }
      if (threadName.startsWith("reactor-tcp-")) {
        return EVENT_LOOP;
      }
      return OTHER;
    }
  }

  private ThreadCpu() {}

  /** CPU seconds so far of the live threads, summed by group; empty where {@code /proc} is not there. */
  static Map<Group, Double> now() {
    Map<Group, Double> out = new EnumMap<>(Group.class);
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        try {
          String name = Files.readString(thread.resolve("comm")).strip();
          String stat = Files.readString(thread.resolve("stat"));
          // Fields after the parenthesised name: state is the first, utime the 12th, stime the 13th.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
          out.merge(Group.of(name), seconds, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while being read
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** {@code parallel 0.150, GC 0.080, ...}: milliseconds of CPU per row between two readings. */
  static String perRow(Map<Group, Double> before, Map<Group, Double> after, long rows) {
    StringJoiner out = new StringJoiner(", ");
    for (Group group : Group.values()) {
      double seconds = after.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0);
      out.add(String.format(Locale.ROOT, "%s %.3f", group.label, Math.max(0, seconds) * 1e3 / rows));
    }
    return out.toString();
  }
}
