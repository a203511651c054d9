package app.peal.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the addresses guests' phones can probably reach the console on, best first: IPv4
 * private addresses on Wi-Fi or Ethernet before anything else, addresses on container bridges,
 * VPN tunnels and the like last, and loopback only when there is nothing else.
 */
public final class LanAddresses {
  private static final System.Logger LOG = System.getLogger(LanAddresses.class.getName());

  private static final List<String> PHYSICAL_PREFIXES = List.of("wlan", "wl", "en", "eth");
  private static final List<String> VIRTUAL_PREFIXES = List.of(
      "docker", "br-", "veth", "virbr", "vnet", "tun", "tap", "wg", "utun", "tailscale", "zt",
      "vmnet", "vboxnet", "lxc", "lxd", "cni", "flannel", "podman", "cali", "kube", "awdl",
      "llw", "ham", "anpi", "bridge", "gif", "stf", "ipsec", "ppp");

  /** One network interface as the ordering needs it; built from the system or by tests. */
  record InterfaceInfo(String name, boolean up, boolean loopback, List<InetAddress> addresses) {}

  private LanAddresses() {}

  /**
   * Lists this machine's candidate addresses, best first; never empty (loopback at worst).
   * Only reads the interface table; nothing is sent on the network.
   */
  public static List<LanAddress> find() {
    List<InterfaceInfo> interfaces = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        // A sub-interface's addresses are listed again under its parent.
        if (nic.isVirtual()) {
          continue;
        }
        interfaces.add(new InterfaceInfo(nic.getName(), nic.isUp(), nic.isLoopback(),
            Collections.list(nic.getInetAddresses())));
      }
    } catch (SocketException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot list network interfaces; offering loopback", e);
    }
    return order(interfaces);
  }

  /** The ordering behind {@link #find()}: pure, so tests can hand it made-up interfaces. */
  static List<LanAddress> order(List<InterfaceInfo> interfaces) {
    List<LanAddress> candidates = new ArrayList<>();
    for (InterfaceInfo nic : interfaces) {
      if (!nic.up() || nic.loopback()) {
        continue;
      }
      for (InetAddress address : nic.addresses()) {
        if (usable(address)) {
          candidates.add(new LanAddress(withoutScope(address), nic.name()));
        }
      }
    }
    candidates.sort(Comparator
        .comparingInt((LanAddress a) -> isVirtual(a.interfaceName()) ? 1 : 0)
        .thenComparingInt(a -> addressRank(a.address()))
        .thenComparingInt(a -> isPhysical(a.interfaceName()) ? 0 : 1)
        .thenComparing(LanAddress::interfaceName)
        .thenComparing(LanAddress::urlHost));

    Set<LanAddress> unique = new LinkedHashSet<>(candidates);
    if (unique.isEmpty()) {
      unique.add(new LanAddress(InetAddress.getLoopbackAddress(), "loopback"));
    }
    return List.copyOf(unique);
  }

  private static boolean usable(InetAddress address) {
    // IPv6 link-local needs a scope id that no phone can type into a URL.
    boolean ipv6LinkLocal = !(address instanceof Inet4Address) && address.isLinkLocalAddress();
    return !address.isLoopbackAddress() && !address.isAnyLocalAddress()
        && !address.isMulticastAddress() && !ipv6LinkLocal;
  }

  private static int addressRank(InetAddress address) {
    if (address instanceof Inet4Address) {
      if (address.isSiteLocalAddress()) {
        return 0;
      }
      return address.isLinkLocalAddress() ? 3 : 1;
    }
    return 2;
  }

  static boolean isPhysical(String name) {
    return startsWithAny(name, PHYSICAL_PREFIXES) && !isVirtual(name);
  }

  static boolean isVirtual(String name) {
    return startsWithAny(name, VIRTUAL_PREFIXES);
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    String lower = name.toLowerCase(Locale.ROOT);
    return prefixes.stream().anyMatch(lower::startsWith);
  }

  private static InetAddress withoutScope(InetAddress address) {
    try {
      return InetAddress.getByAddress(address.getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unusable address " + address, e);
    }
  }
}
