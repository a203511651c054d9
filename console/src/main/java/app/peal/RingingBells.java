package app.peal;

import app.peal.game.ScheduledNote;
import app.peal.room.ConsoleBells;
import app.peal.sound.BellPlayer;
import app.peal.sound.BellStrike;
import app.peal.sound.ConsoleRinger;
import app.peal.sync.RoomClock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The room's console bells played through a {@link ConsoleRinger}. The player starts silent and
 * is swapped in once the window has found out whether the machine can make sound.
 */
final class RingingBells implements ConsoleBells {
  private final RoomClock clock;
  private volatile BellPlayer player = BellPlayer.silent();

  RingingBells(RoomClock clock) {
    this.clock = clock;
  }

  void use(BellPlayer next) {
    player = next;
  }

  @Override
  public Runnable schedule(List<ScheduledNote> notes, Predicate<ScheduledNote> ringNow) {
    // By identity: each strike stands for one note, even two alike from an odd MIDI file.
    Map<BellStrike, ScheduledNote> noteOf = new IdentityHashMap<>();
    List<BellStrike> strikes = new ArrayList<>();
    for (ScheduledNote note : notes) {
      BellStrike strike = new BellStrike(note.pitch(), note.at());
      noteOf.put(strike, note);
      strikes.add(strike);
    }
    // Whether the console covers a note is asked at its instant: a ringer may drop out mid-song.
    ConsoleRinger ringer = ConsoleRinger.start(strikes, clock, pitch -> player.ring(pitch),
        strike -> ringNow.test(noteOf.get(strike)));
    return ringer::cancel;
  }
}
