package app.peal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the benchmark ran on, read from the machine itself. */
final class Machine {
  private Machine() {}

  static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("CPU", cpuModel());
    m.put("memory", memory());
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("JVM max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    m.put("Node", run("node", "--version"));
    m.put("Chromium", run(System.getenv().getOrDefault("PEAL_CHROMIUM", "/usr/bin/chromium"),
        "--version"));
    m.put("load average at start", loadAverage());
    return m;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
    } catch (IOException | IndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "unknown (timed out)";
      }
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim()
          .lines().reduce((a, b) -> b).orElse("");
    } catch (IOException e) {
      return "not found";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
