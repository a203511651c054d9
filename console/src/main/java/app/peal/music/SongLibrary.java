package app.peal.music;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The songs a host can pick from: every {@code *.json} song and {@code *.mid} MIDI file of a
 * folder (a MIDI file gives its tune, as {@link MidiImport} reads it), or the songs bundled in
 * the console jar under {@code app/peal/songs/} (listed in its {@code index.txt}) when no folder
 * is given or it holds no readable song. A broken file is skipped and reported, never fatal.
 */
public final class SongLibrary {
  static final String BUNDLED = "app/peal/songs/";
  private static final String INDEX = "index.txt";
  private static final String SUFFIX = ".json";
  private static final System.Logger LOG = System.getLogger(SongLibrary.class.getName());

  private final List<Song> songs;
  private final Map<String, String> problems;

  private SongLibrary(List<Song> songs, Map<String, String> problems) {
    List<Song> sorted = new ArrayList<>(songs);
    sorted.sort(Comparator.comparing((Song s) -> s.title().toLowerCase(Locale.ROOT))
        .thenComparing(Song::id));
    this.songs = List.copyOf(sorted);
    this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
  }

  /**
   * Loads the songs of {@code folder}, or the bundled songs when it is null, missing or holds no
   * readable song; the folder's problems are kept either way.
   */
  public static SongLibrary load(Path folder) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (folder != null) {
      List<Song> songs = readFolder(folder, problems);
      if (!songs.isEmpty()) {
        return new SongLibrary(songs, problems);
      }
      LOG.log(System.Logger.Level.WARNING,
          "no readable songs in {0}; using the bundled songs", folder);
    }
    List<Song> bundled = readBundled(problems);
    return new SongLibrary(bundled, problems);
  }

  /** The songs bundled in the console jar. */
  public static SongLibrary bundled() {
    return load(null);
  }

  /** Sorted by title, case-insensitively. */
  public List<Song> songs() {
    return songs;
  }

  /** By id ("silent-night") or title ("Silent Night"), ignoring case and outer spaces. */
  public Optional<Song> find(String idOrTitle) {
    if (idOrTitle == null) {
      return Optional.empty();
    }
    String wanted = idOrTitle.trim();
    for (Song song : songs) {
      if (song.id().equalsIgnoreCase(wanted) || song.title().equalsIgnoreCase(wanted)) {
        return Optional.of(song);
      }
    }
    return Optional.empty();
  }

  /** File name to the reason it was skipped, in the order met. */
  public Map<String, String> problems() {
    return problems;
  }

  private static List<Song> readFolder(Path folder, Map<String, String> problems) {
    if (!Files.isDirectory(folder)) {
      report(problems, folder.toString(), "song folder not found; check the --songs path");
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream =
        Files.newDirectoryStream(folder, "*.{json,mid,midi,MID,MIDI}")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      report(problems, folder.toString(), "cannot list the song folder: " + e.getMessage());
      return List.of();
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));

    List<Song> songs = new ArrayList<>();
    List<Path> midiFiles = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (!name.endsWith(SUFFIX)) {
        midiFiles.add(file);
        continue;
      }
      try {
        String json = Files.readString(file, StandardCharsets.UTF_8);
        songs.add(SongParser.parse(idOf(name), json));
      } catch (IOException e) {
        report(problems, name, "cannot read the file: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        report(problems, name, e.getMessage());
      }
    }
    // MIDI files come second so a song converted to JSON beside its MIDI file wins.
    for (Path file : midiFiles) {
      String name = file.getFileName().toString();
      try {
        Song song = MidiImport.read(file, /* harmony= */ false);
        if (songs.stream().anyMatch(s -> s.id().equals(song.id()))) {
          report(problems, name, "a song with id '" + song.id()
              + "' is already in the folder; rename one of them");
        } else {
          songs.add(song);
        }
      } catch (MidiImportException e) {
        report(problems, name, e.getMessage());
      }
    }
    return songs;
  }

  private static List<Song> readBundled(Map<String, String> problems) {
    ClassLoader loader = SongLibrary.class.getClassLoader();
    List<String> names = new ArrayList<>();
    try (InputStream index = loader.getResourceAsStream(BUNDLED + INDEX)) {
      if (index == null) {
        report(problems, BUNDLED + INDEX, "missing from the jar; no bundled songs");
        return List.of();
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.trim();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      report(problems, BUNDLED + INDEX, "cannot read the song index: " + e.getMessage());
      return List.of();
    }

    List<Song> songs = new ArrayList<>();
    for (String name : names) {
      try (InputStream in = loader.getResourceAsStream(BUNDLED + name)) {
        if (in == null) {
          report(problems, name, "listed in " + INDEX + " but missing from the jar");
          continue;
        }
        String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        songs.add(SongParser.parse(idOf(name), json));
      } catch (IOException e) {
        report(problems, name, "cannot read the bundled song: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        report(problems, name, e.getMessage());
      }
    }
    return songs;
  }

  static String idOf(String fileName) {
    return fileName.endsWith(SUFFIX)
        ? fileName.substring(0, fileName.length() - SUFFIX.length())
        : fileName;
  }

  private static void report(Map<String, String> problems, String file, String reason) {
    LOG.log(System.Logger.Level.WARNING, "skipping song file {0}: {1}", file, reason);
    problems.put(file, reason);
  }
}
