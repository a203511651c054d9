package app.peal;

import app.peal.game.ScheduledNote;
import app.peal.music.Pitch;
import app.peal.room.ConsoleBells;
import app.peal.sound.BellPlayer;
import app.peal.sound.BellStrike;
import app.peal.sound.ConsoleRinger;
import app.peal.sync.RoomClock;
import java.util.List;
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
  public Runnable schedule(List<ScheduledNote> notes, Predicate<Pitch> ringNow) {
    List<BellStrike> strikes = notes.stream().map(n -> new BellStrike(n.pitch(), n.at())).toList();
    // Whether the console covers a bell is asked at its instant: a ringer may drop out mid-song.
    BellPlayer gated = pitch -> {
      if (ringNow.test(pitch)) {
        player.ring(pitch);
      }
    };
    ConsoleRinger ringer = ConsoleRinger.start(strikes, clock, gated);
    return ringer::cancel;
  }
}
