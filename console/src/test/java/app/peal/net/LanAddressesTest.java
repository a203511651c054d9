package app.peal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.net.LanAddresses.InterfaceInfo;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanAddressesTest {

  @Test
  void order_typicalLaptop_putsWifiIpv4FirstAndBridgesLast() throws Exception {
    List<InterfaceInfo> interfaces = List.of(
        nic("lo", true, true, "127.0.0.1", "::1"),
        nic("docker0", true, false, "172.17.0.1"),
        nic("br-5a1f", true, false, "172.18.0.1"),
        nic("wlp2s0", true, false, "fe80::1%3", "2001:db8::5", "192.168.1.23"),
        nic("tun0", true, false, "10.8.0.2"),
        nic("eth0", false, false, "192.168.50.4"));

    List<String> ordered = LanAddresses.order(interfaces).stream()
        .map(LanAddress::toString)
        .toList();

    assertEquals(List.of(
        "192.168.1.23 (wlp2s0)",
        "[2001:db8:0:0:0:0:0:5] (wlp2s0)",
        "172.18.0.1 (br-5a1f)",
        "172.17.0.1 (docker0)",
        "10.8.0.2 (tun0)"), ordered);
  }

  @Test
  void order_ethernetAndUnknownInterface_prefersEthernetWithinSameKind() throws Exception {
    List<InterfaceInfo> interfaces = List.of(
        nic("usb0", true, false, "10.0.0.9"),
        nic("enp0s31f6", true, false, "10.0.0.5"),
        nic("wlan0", true, false, "100.64.1.2"));

    List<String> ordered = LanAddresses.order(interfaces).stream()
        .map(LanAddress::toString)
        .toList();

    assertEquals(List.of("10.0.0.5 (enp0s31f6)", "10.0.0.9 (usb0)", "100.64.1.2 (wlan0)"),
        ordered);
  }

  @Test
  void order_onlyLoopbackAndLinkLocalIpv6_fallsBackToLoopback() throws Exception {
    List<InterfaceInfo> interfaces = List.of(
        nic("lo", true, true, "127.0.0.1"),
        nic("wlan0", true, false, "fe80::abcd"));

    List<LanAddress> ordered = LanAddresses.order(interfaces);

    assertEquals(1, ordered.size());
    assertTrue(ordered.get(0).address().isLoopbackAddress());
    assertEquals("loopback", ordered.get(0).interfaceName());
  }

  @Test
  void order_ipv4LinkLocal_comesAfterOtherAddressesOfTheSameInterface() throws Exception {
    List<InterfaceInfo> interfaces = List.of(
        nic("eth0", true, false, "169.254.10.20", "2001:db8::9", "192.168.0.7"));

    List<String> ordered = LanAddresses.order(interfaces).stream()
        .map(LanAddress::urlHost)
        .toList();

    assertEquals(List.of("192.168.0.7", "[2001:db8:0:0:0:0:0:9]", "169.254.10.20"), ordered);
  }

  @Test
  void isVirtual_bridgeAndTunnelNames_areVirtualAndNotPhysical() {
    for (String name : List.of("docker0", "br-abc", "veth12", "virbr0", "tun0", "wg0", "utun3")) {
      assertTrue(LanAddresses.isVirtual(name), name);
      assertFalse(LanAddresses.isPhysical(name), name);
    }
    for (String name : List.of("wlan0", "wlp3s0", "en0", "eth1", "enx00e04c")) {
      assertTrue(LanAddresses.isPhysical(name), name);
    }
  }

  @Test
  void find_thisMachine_listsAtLeastOneAddressWithoutLoopbackUnlessAlone() {
    List<LanAddress> found = LanAddresses.find();

    assertFalse(found.isEmpty());
    boolean onlyLoopback = found.size() == 1 && found.get(0).address().isLoopbackAddress();
    assertTrue(onlyLoopback || found.stream().noneMatch(a -> a.address().isLoopbackAddress()),
        found.toString());
  }

  private static InterfaceInfo nic(String name, boolean up, boolean loopback, String... ips)
      throws Exception {
    List<InetAddress> addresses = new java.util.ArrayList<>();
    for (String ip : ips) {
      // Literal addresses only: InetAddress parses them without any lookup.
      addresses.add(InetAddress.getByName(ip));
    }
    return new InterfaceInfo(name, up, loopback, addresses);
  }
}
