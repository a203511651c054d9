package app.peal.room;

import app.peal.music.Pitch;
import app.peal.net.PhoneLink;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One guest's slot in the room; confined to the room's thread. */
final class Player {
  final String id;
  final String token;
  final String name;
  PhoneLink link;
  double disconnectedAt = Double.NaN;
  double graceUntil = Double.NEGATIVE_INFINITY;
  List<Pitch> bells = List.of();
  double rttMs = Double.NaN;
  double uncertaintyMs = Double.NaN;
  double offsetMs = Double.NaN;
  int samples;
  long lastRingId = -1;
  final Set<Long> ringIds = new HashSet<>();

  Player(String id, String token, String name, PhoneLink link) {
    this.id = id;
    this.token = token;
    this.name = name;
    this.link = link;
  }

  boolean connected() {
    return link != null && link.isOpen();
  }

  boolean synced(double thresholdMs, int minSamples) {
    return samples >= minSamples && uncertaintyMs <= thresholdMs;
  }

  void send(String json) {
    PhoneLink l = link;
    if (l != null) {
      l.send(json);
    }
  }
}
