package app.peal.net;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An address guests may reach the console on, with the network interface it belongs to.
 *
 * @param address the address, without an IPv6 scope
 * @param interfaceName such as "wlan0", for display
 */
public record LanAddress(InetAddress address, String interfaceName) {

  /** The address as it goes in a URL: IPv6 in brackets. */
  public String urlHost() {
    String host = address.getHostAddress();
    return address instanceof Inet6Address ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return urlHost() + " (" + interfaceName + ")";
  }
}
