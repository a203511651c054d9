package app.peal;

import app.peal.game.JoinLinks;
import app.peal.game.RoomCodes;
import app.peal.music.Song;
import app.peal.music.SongLibrary;
import app.peal.net.CertificateStore;
import app.peal.net.LanAddress;
import app.peal.net.LanAddresses;
import app.peal.net.PealServer;
import app.peal.net.TlsIdentity;
import app.peal.room.PhoneGateway;
import app.peal.room.Room;
import app.peal.sound.BellPlayer;
import app.peal.sync.RoomClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One evening's console, put together from the command line: the songs, the room, the TLS
 * certificate, the server on its one port and the join links guests scan. The window and the
 * headless console both drive the room it opens; tests and benchmarks open one on loopback.
 *
 * <pre>{@code
 * try (Party party = Party.open(Options.parse("--bind", "127.0.0.1", "--port", "0"))) {
 *   String url = party.links().url("127.0.0.1");
 * }
 * }</pre>
 */
public final class Party implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Party.class.getName());

  private final Room room;
  private final PealServer server;
  private final JoinLinks links;
  private final TlsIdentity tls;
  private final SongLibrary library;
  private final RingingBells bells;

  private Party(Room room, PealServer server, JoinLinks links, TlsIdentity tls,
      SongLibrary library, RingingBells bells) {
    this.room = room;
    this.server = server;
    this.links = links;
    this.tls = tls;
    this.library = library;
    this.bells = bells;
  }

  /**
   * Opens the room and starts serving; returns once the port is bound.
   *
   * @throws app.peal.net.PortInUseException when the port is taken (the message names --port)
   * @throws IllegalArgumentException when an option names a song or address that is not there
   * @throws IOException when the certificate cannot be stored or the server cannot start
   */
  public static Party open(Options options) throws IOException {
    SongLibrary library = SongLibrary.load(options.songsDir());
    if (library.songs().isEmpty()) {
      throw new IllegalArgumentException("no readable song in " + options.songsDir()
          + "; fix the files listed above or leave out --songs to use the bundled songs");
    }
    Song first = null;
    if (options.song() != null) {
      first = library.find(options.song()).orElseThrow(() -> new IllegalArgumentException(
          "no song '" + options.song() + "'; the songs are: " + String.join(", ",
              library.songs().stream().map(Song::id).toList())));
    }

    List<String> hosts = advertisedHosts(options);
    TlsIdentity tls = null;
    if (!options.plainHttp()) {
      CertificateStore store = options.configDir() == null
          ? new CertificateStore() : new CertificateStore(options.configDir());
      tls = store.identityFor(certificateAddresses(hosts));
    }

    RoomClock clock = RoomClock.system();
    String code = options.room() != null ? options.room() : RoomCodes.random(new SecureRandom());
    RingingBells bells = new RingingBells(clock);
    Room room = new Room(code, clock, library.songs(), bells);
    PealServer server = new PealServer(bindAddress(options), tls == null ? null : tls.sslContext(),
        clock, new PhoneGateway(room));
    int port;
    try {
      port = server.start();
    } catch (IOException | RuntimeException e) {
      room.close();
      throw e;
    }

    if (first != null) {
      room.chooseSong(first.id());
    }
    if (options.autostart() > 0) {
      room.addListener(new AutoStart(room, options.autostart()));
    }
    JoinLinks links = new JoinLinks(tls == null ? "http" : "https", port, code, hosts);
    LOG.log(System.Logger.Level.INFO, "room {0} is open: {1}", code, links.url(hosts.get(0)));
    return new Party(room, server, links, tls, library, bells);
  }

  public Room room() {
    return room;
  }

  public JoinLinks links() {
    return links;
  }

  /** The port phones connect to, as bound. */
  public int port() {
    return server.port();
  }

  /** The certificate's SHA-256 fingerprint, or null when serving plain HTTP. */
  public String fingerprint() {
    return tls == null ? null : tls.fingerprint();
  }

  /** Whether this run made a new certificate (guests will be asked to accept it once). */
  public boolean newCertificate() {
    return tls != null && tls.created();
  }

  /** Songs that failed to load, by file, with the reason; shown to the host. */
  public java.util.Map<String, String> songProblems() {
    return library.problems();
  }

  /** Rings the console's own bells through {@code player} from now on. */
  public void useBells(BellPlayer player) {
    bells.use(player);
  }

  @Override
  public void close() {
    server.stop();
    room.close();
  }

  /** The join link's host first: --host, else the best LAN address, then the others. */
  private static List<String> advertisedHosts(Options options) {
    Set<String> hosts = new LinkedHashSet<>();
    if (options.host() != null) {
      hosts.add(options.host());
    }
    // Listening on one address only: advertising any other would hand guests a dead link.
    if (options.bind() != null && !isWildcard(options.bind())) {
      hosts.add(options.bind());
      return new ArrayList<>(hosts);
    }
    for (LanAddress a : LanAddresses.find()) {
      hosts.add(a.address().getHostAddress());
    }
    return new ArrayList<>(hosts);
  }

  private static List<InetAddress> certificateAddresses(List<String> hosts) {
    List<InetAddress> addresses = new ArrayList<>();
    for (String host : hosts) {
      if (isAddressLiteral(host)) {
        try {
          addresses.add(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException("--host '" + host + "' is not an address", e);
        }
      }
    }
    return addresses;
  }

  // Only literals: resolving a name here would send a DNS query from a test run.
  private static boolean isAddressLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static boolean isWildcard(String address) {
    return address.equals("0.0.0.0") || address.equals("::");
  }

  private static InetSocketAddress bindAddress(Options options) {
    if (options.bind() == null) {
      return new InetSocketAddress(options.port());
    }
    if (!isAddressLiteral(options.bind()) && !options.bind().equals("localhost")) {
      throw new IllegalArgumentException("--bind '" + options.bind()
          + "' must be an address such as 127.0.0.1 or 192.168.1.20");
    }
    return new InetSocketAddress(options.bind(), options.port());
  }
}
