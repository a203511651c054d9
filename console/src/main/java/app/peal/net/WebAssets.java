package app.peal.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The phone page's files, read once from a classpath folder into memory. Only files found by
 * listing that folder (in a directory or a jar, shaded or not) with a known type are served, so
 * no request path can reach anything else.
 */
final class WebAssets {
  private static final System.Logger LOG = System.getLogger(WebAssets.class.getName());

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "png", "image/png",
      "svg", "image/svg+xml",
      "ico", "image/x-icon",
      "webmanifest", "application/manifest+json");

  /** One servable file. */
  record Asset(String contentType, byte[] body) {}

  private final Map<String, Asset> byPath;

  private WebAssets(Map<String, Asset> byPath) {
    this.byPath = Map.copyOf(byPath);
  }

  /**
   * Lists the folder {@code root} (such as {@code "app/peal/web/"}) on the loader's classpath.
   *
   * @throws UncheckedIOException when a listed file cannot be read
   */
  static WebAssets load(ClassLoader loader, String root) {
    String folder = root.endsWith("/") ? root : root + "/";
    if (folder.startsWith("/")) {
      throw new IllegalArgumentException(
          "web root '" + root + "' must be a classpath folder without a leading '/'");
    }

    Set<String> names = new LinkedHashSet<>();
    try {
      for (URL container : containers(loader, folder)) {
        names.addAll(list(container, folder));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list web root '" + folder + "'", e);
    }

    Map<String, Asset> assets = new TreeMap<>();
    for (String name : names) {
      contentType(name)
          .ifPresent(type -> assets.put("/" + name, read(loader, folder + name, type)));
    }
    if (!assets.containsKey("/index.html")) {
      LOG.log(System.Logger.Level.WARNING, "no index.html under classpath folder {0}", folder);
    }
    return new WebAssets(assets);
  }

  /** The file for a request target such as {@code "/app.js?v=2"}, if it is one of ours. */
  Optional<Asset> find(String target) {
    String path = target;
    int cut = firstIndexOf(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    if (path.equals("/")) {
      path = "/index.html";
    }
    return Optional.ofNullable(byPath.get(path));
  }

  /** Request paths served, such as {@code "/index.html"}, in order. */
  Set<String> paths() {
    return new TreeMap<>(byPath).keySet();
  }

  static Optional<String> contentType(String name) {
    int slash = name.lastIndexOf('/');
    String file = name.substring(slash + 1);
    int dot = file.lastIndexOf('.');
    if (file.startsWith(".") || dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  private static Set<URL> containers(ClassLoader loader, String folder) throws IOException {
    Set<URL> found = new LinkedHashSet<>();
    Enumeration<URL> folders = loader.getResources(folder);
    while (folders.hasMoreElements()) {
      found.add(folders.nextElement());
    }
    // Some jars carry no entry for the folder itself; the index file still leads to them.
    URL index = loader.getResource(folder + "index.html");
    if (index != null) {
      String text = index.toExternalForm();
      found.add(new URL(text.substring(0, text.length() - "index.html".length())));
    }
    return found;
  }

  private static Set<String> list(URL container, String folder) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (container.getProtocol().equals("file")) {
      Path dir = toPath(container);
      if (!Files.isDirectory(dir)) {
        return names;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile)
            .map(file -> dir.relativize(file).toString().replace('\\', '/'))
            .forEach(names::add);
      }
    } else if (container.getProtocol().equals("jar")) {
      // Open the jar itself: the folder may have no entry of its own to connect to.
      String text = container.toExternalForm();
      URL jarRoot = new URL(text.substring(0, text.indexOf("!/") + 2));
      URLConnection connection = jarRoot.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (!entry.isDirectory() && entry.getName().startsWith(folder)) {
            names.add(entry.getName().substring(folder.length()));
          }
        }
      }
    } else {
      LOG.log(System.Logger.Level.WARNING, "cannot list web files inside {0}", container);
    }
    return names;
  }

  private static Path toPath(URL url) throws IOException {
    try {
      return Paths.get(url.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("bad classpath folder URL " + url, e);
    }
  }

  private static Asset read(ClassLoader loader, String resource, String type) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("listed but not readable");
      }
      return new Asset(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read web file '" + resource + "'", e);
    }
  }

  private static int firstIndexOf(String text, char a, char b) {
    int first = text.indexOf(a);
    int second = text.indexOf(b);
    if (first < 0) {
      return second;
    }
    return second < 0 ? first : Math.min(first, second);
  }
}
