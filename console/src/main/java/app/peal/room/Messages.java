package app.peal.room;

import app.peal.game.Judgement;
import app.peal.game.Phase;
import app.peal.game.PlayerView;
import app.peal.game.RoomSnapshot;
import app.peal.game.Score;
import app.peal.game.Verdict;
import app.peal.music.BellPalette;
import app.peal.music.Pitch;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/** Builds the JSON text of every message the console sends to phones (see docs/protocol.md). */
final class Messages {
  private static final Gson GSON = new Gson();

  private Messages() {}

  static String error(String code, String message) {
    JsonObject o = typed("error");
    o.addProperty("code", code);
    o.addProperty("message", message);
    return GSON.toJson(o);
  }

  static String syncReply(double t0, double t1, double t2) {
    JsonObject o = typed("sync");
    o.addProperty("t0", t0);
    o.addProperty("t1", t1);
    o.addProperty("t2", t2);
    return GSON.toJson(o);
  }

  static JsonArray bells(List<Pitch> bells) {
    JsonArray array = new JsonArray();
    for (Pitch p : bells) {
      JsonObject b = new JsonObject();
      b.addProperty("pitch", p.name());
      b.addProperty("name", p.displayName());
      b.addProperty("midi", p.midi());
      b.addProperty("color", BellPalette.color(p));
      b.addProperty("frequency", Math.round(p.frequency() * 100) / 100.0);
      array.add(b);
    }
    return array;
  }

  static String bellsChanged(List<Pitch> bells) {
    JsonObject o = typed("bells");
    o.add("bells", bells(bells));
    return GSON.toJson(o);
  }

  static String judged(Judgement j, long ringId) {
    JsonObject o = typed("judged");
    o.addProperty("note", j.noteId());
    o.addProperty("bell", j.pitch().name());
    o.addProperty("verdict", j.verdict().name().toLowerCase(Locale.ROOT));
    if (j.verdict() != Verdict.MISS) {
      o.addProperty("offset", round(j.offsetMs()));
      o.addProperty("ring", ringId);
    }
    return GSON.toJson(o);
  }

  static String stray(long ringId, double at, String reason) {
    JsonObject o = typed("stray");
    o.addProperty("ring", ringId);
    o.addProperty("at", at);
    o.addProperty("reason", reason);
    return GSON.toJson(o);
  }

  static String end(Score mine, Score choir) {
    JsonObject o = typed("end");
    o.addProperty("accuracy", round(mine.accuracy() * 1000) / 1000);
    o.addProperty("choir", round(choir.accuracy() * 1000) / 1000);
    o.addProperty("perfect", mine.perfect());
    o.addProperty("good", mine.good());
    o.addProperty("miss", mine.miss());
    o.addProperty("stray", mine.stray());
    return GSON.toJson(o);
  }

  static String stop(String reason) {
    JsonObject o = typed("stop");
    o.addProperty("reason", reason);
    return GSON.toJson(o);
  }

  static String welcome(Player p, String roomCode, Phase phase, JsonObject song) {
    JsonObject o = typed("welcome");
    o.addProperty("player", p.id);
    o.addProperty("token", p.token);
    o.addProperty("name", p.name);
    o.addProperty("room", roomCode);
    o.add("bells", bells(p.bells));
    o.addProperty("state", stateName(phase));
    o.addProperty("lastRingId", p.lastRingId);
    if (song != null) {
      o.add("song", song);
    }
    return GSON.toJson(o);
  }

  /** The room summary phones show while waiting; sent whenever it changes. */
  static String lobby(RoomSnapshot s) {
    JsonObject o = typed("lobby");
    o.addProperty("song", s.song() == null ? null : s.song().title());
    o.addProperty("players", s.players().size());
    o.addProperty("synced", s.players().stream().filter(PlayerView::synced).count());
    o.addProperty("canStart", s.canStart());
    JsonArray waiting = new JsonArray();
    s.players().stream()
        .filter(v -> v.connected() && !v.synced())
        .forEach(v -> waiting.add(v.name()));
    o.add("waitingFor", waiting);
    return GSON.toJson(o);
  }

  private static String stateName(Phase phase) {
    return switch (phase) {
      case LOBBY -> "lobby";
      case COUNT_IN -> "countin";
      case PLAYING -> "playing";
      case RESULTS -> "results";
    };
  }

  static String toJson(JsonObject o) {
    return GSON.toJson(o);
  }

  static JsonObject typed(String type) {
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    return o;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
