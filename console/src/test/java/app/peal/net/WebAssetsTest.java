package app.peal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAssetsTest {
  private static final String ROOT = "app/peal/net/testweb/";

  @Test
  void load_directoryOnClasspath_listsOnlyPageFiles() {
    WebAssets assets = WebAssets.load(getClass().getClassLoader(), ROOT);

    assertEquals(Set.of("/app.js", "/icons/bell.svg", "/index.html", "/style.css"),
        assets.paths());
  }

  @Test
  void load_jarWithoutFolderEntries_listsThroughIndex(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("web.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : new String[] {"index.html", "app.js", "secret.properties"}) {
        out.putNextEntry(new JarEntry("app/peal/web/" + name));
        out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      WebAssets assets = WebAssets.load(loader, "app/peal/web/");

      assertEquals(Set.of("/app.js", "/index.html"), assets.paths());
      assertEquals("content of app.js",
          new String(assets.find("/app.js").orElseThrow().body(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void find_rootQueryAndFragment_mapToIndex() {
    WebAssets assets = WebAssets.load(getClass().getClassLoader(), ROOT);

    assertTrue(assets.find("/?room=ABCD").isPresent());
    assertTrue(assets.find("/index.html#top").isPresent());
    assertEquals("text/javascript; charset=utf-8",
        assets.find("/app.js?v=1").orElseThrow().contentType());
  }

  @Test
  void find_escapesAndUnknownPaths_findNothing() {
    WebAssets assets = WebAssets.load(getClass().getClassLoader(), ROOT);

    for (String target : new String[] {"/../pom.xml", "/notes.txt", "app.js", "/./app.js",
        "/icons/../app.js", "/APP.JS", "/app.js/", "", "/%61pp.js", "http://x/app.js"}) {
      assertEquals(Optional.empty(), assets.find(target), target);
    }
  }

  @Test
  void contentType_knownAndUnknownNames_matchAllowlist() {
    assertEquals(Optional.of("image/png"), WebAssets.contentType("icons/Bell.PNG"));
    assertEquals(Optional.of("application/manifest+json"),
        WebAssets.contentType("app.webmanifest"));
    assertEquals(Optional.of("image/x-icon"), WebAssets.contentType("favicon.ico"));
    assertEquals(Optional.empty(), WebAssets.contentType(".hidden.js"));
    assertEquals(Optional.empty(), WebAssets.contentType("Makefile"));
    assertEquals(Optional.empty(), WebAssets.contentType("page.jsp"));
  }

  @Test
  void load_rootWithLeadingSlash_throwsWithAdvice() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> WebAssets.load(getClass().getClassLoader(), "/app/peal/web/"));

    assertEquals("web root '/app/peal/web/' must be a classpath folder without a leading '/'",
        thrown.getMessage());
  }

  @Test
  void contentSecurityPolicy_hostileHost_isLeftOut() {
    String policy = HttpDraft.contentSecurityPolicy("evil.example; script-src *");

    assertTrue(policy.contains("connect-src 'self';"), policy);
    assertTrue(HttpDraft.contentSecurityPolicy("[::1]:8443")
        .contains("connect-src 'self' ws://[::1]:8443 wss://[::1]:8443;"));
  }
}
