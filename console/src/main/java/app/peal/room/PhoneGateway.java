package app.peal.room;

import app.peal.game.PlayerNames;
import app.peal.game.RoomCodes;
import app.peal.music.Pitch;
import app.peal.net.PhoneHandler;
import app.peal.net.PhoneLink;
import app.peal.sync.RoomClock;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads phones' messages: checks each one, answers clock samples at once on the network thread,
 * and queues everything else onto the room. A bad message is answered with an error to its
 * sender and goes no further.
 */
public final class PhoneGateway implements PhoneHandler {
  private static final System.Logger LOG = System.getLogger(PhoneGateway.class.getName());

  private final Room room;
  private final RoomClock clock;

  public PhoneGateway(Room room) {
    this.room = room;
    this.clock = room.clock();
  }

  @Override
  public void opened(PhoneLink link) {}

  @Override
  public void message(PhoneLink link, String text, double receivedAtMs) {
    try {
      handle(link, parse(text), receivedAtMs);
    } catch (ProtocolException e) {
      refuse(link, e);
    }
  }

  @Override
  public void closed(PhoneLink link) {
    room.execute(() -> room.disconnected(link));
  }

  private void handle(PhoneLink link, JsonObject msg, double receivedAt)
      throws ProtocolException {
    String type = msg.has("type") && isString(msg.get("type"))
        ? msg.get("type").getAsString() : null;
    if (type == null) {
      throw new ProtocolException("unknown_type", "every message needs a \"type\" string");
    }
    switch (type) {
      case "sync" -> {
        double t0 = number(msg, "t0");
        link.send(Messages.syncReply(t0, receivedAt, clock.nowMs()));
      }
      case "join" -> {
        String code = RoomCodes.normalize(string(msg, "room"));
        if (!code.equals(room.code())) {
          throw new ProtocolException("wrong_room", "room '" + clip(code)
              + "' is not this party's; check the code on the big screen");
        }
        String name;
        try {
          name = PlayerNames.clean(string(msg, "name"));
        } catch (IllegalArgumentException e) {
          throw new ProtocolException("bad_name", e.getMessage());
        }
        String token = msg.has("token") && !msg.get("token").isJsonNull()
            ? string(msg, "token") : null;
        queue(link, () -> room.join(link, name, token));
      }
      case "syncstate" -> {
        double offset = number(msg, "offset");
        double uncertainty = number(msg, "uncertainty");
        double rtt = number(msg, "rtt");
        int samples = (int) Math.min(Integer.MAX_VALUE, Math.max(0, number(msg, "samples")));
        queue(link, () -> room.syncState(link, offset, uncertainty, rtt, samples));
      }
      case "ring" -> {
        double id = number(msg, "id");
        if (id != Math.rint(id) || id < 0 || id > 1e15) {
          throw new ProtocolException("bad_field", "ring \"id\" must be a whole number >= 0");
        }
        double at = number(msg, "at");
        Pitch bell = null;
        if (msg.has("bell") && !msg.get("bell").isJsonNull()) {
          String b = string(msg, "bell");
          try {
            bell = Pitch.parse(b);
          } catch (IllegalArgumentException e) {
            throw new ProtocolException("bad_field", "\"bell\" " + e.getMessage());
          }
        }
        Pitch pitch = bell;
        queue(link, () -> room.ring(link, (long) id, at, pitch, receivedAt));
      }
      case "leave" -> queue(link, () -> room.leave(link));
      default -> throw new ProtocolException("unknown_type", "unknown message type '"
          + clip(type) + "'; expected join, sync, syncstate, ring or leave");
    }
  }

  private interface RoomTask {
    void run() throws ProtocolException;
  }

  private void queue(PhoneLink link, RoomTask task) {
    room.execute(() -> {
      try {
        task.run();
      } catch (ProtocolException e) {
        refuse(link, e);
      }
    });
  }

  private static void refuse(PhoneLink link, ProtocolException e) {
    LOG.log(System.Logger.Level.DEBUG, "refused a message from {0}: {1}", link.remote(),
        e.getMessage());
    link.send(Messages.error(e.code(), e.getMessage()));
  }

  static JsonObject parse(String text) throws ProtocolException {
    JsonElement element;
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      reader.setNestingLimit(32);
      element = JsonParser.parseReader(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new ProtocolException("bad_json", "text after the JSON object");
      }
    } catch (JsonParseException | IOException | IllegalStateException e) {
      throw new ProtocolException("bad_json", "the message is not valid JSON");
    }
    if (!element.isJsonObject()) {
      throw new ProtocolException("bad_json", "a message must be a JSON object");
    }
    return element.getAsJsonObject();
  }

  private static boolean isString(JsonElement e) {
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
  }

  private static String string(JsonObject msg, String field) throws ProtocolException {
    JsonElement e = msg.get(field);
    if (e == null || e.isJsonNull()) {
      throw new ProtocolException("missing_field", "\"" + field + "\" is missing");
    }
    if (!isString(e)) {
      throw new ProtocolException("bad_field", "\"" + field + "\" must be a string");
    }
    String s = e.getAsString();
    if (s.length() > 512) {
      throw new ProtocolException("bad_field", "\"" + field + "\" is too long");
    }
    return s;
  }

  private static double number(JsonObject msg, String field) throws ProtocolException {
    JsonElement e = msg.get(field);
    if (e == null || e.isJsonNull()) {
      throw new ProtocolException("missing_field", "\"" + field + "\" is missing");
    }
    if (!(e.isJsonPrimitive() && ((JsonPrimitive) e).isNumber())) {
      throw new ProtocolException("bad_field", "\"" + field + "\" must be a number");
    }
    double v = e.getAsDouble();
    if (!Double.isFinite(v)) {
      throw new ProtocolException("bad_field", "\"" + field + "\" must be a finite number");
    }
    return v;
  }

  private static String clip(String s) {
    return s.length() <= 16 ? s : s.substring(0, 16) + "…";
  }
}
