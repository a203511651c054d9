package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProfileTest {
  @Test
  void named_eachProfile_meanDelayAsAdvertised() {
    assertEquals(2, Profile.named("lan").up().meanMs(), 1e-9);
    double wifi = (Profile.named("wifi").up().meanMs() + Profile.named("wifi").down().meanMs()) / 2;
    assertEquals(15, wifi, 1);
    Profile party = Profile.named("party-wifi");
    assertEquals(40, party.up().floorMs() + party.up().tailMs(), 3);
  }

  @Test
  void named_wifi_isAsymmetric() {
    Profile wifi = Profile.named("wifi");

    assertTrue(wifi.up().meanMs() > wifi.down().meanMs());
  }

  @Test
  void named_partyWifi_hasSpikesAndPowerSaving() {
    Profile party = Profile.named("party-wifi");

    assertEquals(0.02, party.up().spikeChance());
    assertEquals(300, party.down().spikeMaxMs());
    assertTrue(party.down().idleMs() > 0 && party.down().beaconMs() > 0);
  }

  @Test
  void named_unknown_throwsWithTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Profile.named("5g"));

    assertEquals("unknown network profile '5g'; choose one of lan, wifi, party-wifi",
        e.getMessage());
  }

  @Test
  void direction_powerSavingWithoutBeacon_throws() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Profile.Direction(1, 1, 0, 0, 0, 100, 0));

    assertEquals("power saving after 100.0 ms idle needs a beacon interval > 0, got 0.0",
        e.getMessage());
  }
}
