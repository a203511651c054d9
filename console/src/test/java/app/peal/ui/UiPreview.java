package app.peal.ui;

import app.peal.game.JoinLinks;
import app.peal.game.Judgement;
import app.peal.game.Performance;
import app.peal.game.Phase;
import app.peal.game.PlayerView;
import app.peal.game.Results;
import app.peal.game.ScheduledNote;
import app.peal.game.Score;
import app.peal.game.Verdict;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.music.SongNote;
import app.peal.sync.RoomClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The console on a made-up party of six, for looking at by eye and for screenshots; started by
 * {@link UiPreviewMain}. Phases: lobby, countin, highway, results.
 */
public final class UiPreview extends Application {
  private static final List<PlayerView> GUESTS = List.of(
      new PlayerView("1", "Aunt Maggie", List.of(p("C4"), p("G4")), true, 18.2, 1.9, true,
          new Score(15, 11, 3, 1, 0, 31)),
      new PlayerView("2", "Jonah", List.of(p("D4"), p("A4")), true, 42.7, 3.4, true,
          new Score(14, 8, 4, 2, 1, 52)),
      new PlayerView("3", "Priya", List.of(p("E4")), false, Double.NaN, Double.NaN, false,
          Score.EMPTY),
      new PlayerView("4", "Sam the Elder", List.of(p("F4"), p("C5")), true, 25.0, 2.2, true,
          new Score(12, 10, 2, 0, 0, 22)),
      new PlayerView("5", "Léa", List.of(p("B4")), true, 61.3, 17.6, false,
          new Score(9, 4, 2, 3, 2, 74)),
      new PlayerView("6", "Grandpa Tom", List.of(p("F#4")), true, 33.9, 2.8, true,
          new Score(10, 7, 2, 1, 0, 40)));

  @Override
  public void start(Stage stage) {
    String phase = getParameters().getRaw().isEmpty() ? "lobby" : getParameters().getRaw().get(0);
    // A stopped clock holds the count-in still for a screenshot.
    RoomClock clock = phase.equals("countin") ? () -> 10_000 : RoomClock.system();
    Song song = FakeRoom.odeToJoy();
    FakeRoom room = new FakeRoom(clock, List.of(song, FakeRoom.bellsOfLondon()), GUESTS);
    JoinLinks links = new JoinLinks("https", 8443, FakeRoom.CODE,
        List.of("192.168.1.23", "peal-laptop.local"));
    ConsoleView view =
        new ConsoleView(room, links, "No sound device: the console's bells are silent");
    stage.setTitle(ConsoleApp.TITLE);
    stage.setScene(ConsoleApp.scene(view, stage));
    view.attach();
    stage.show();

    room.chooseSong(song.id());
    if (phase.equals("highway")) {
      Performance performance =
          FakeRoom.performance(longSong(song), clock.nowMs() - 3000, GUESTS);
      room.publish(room.inPhase(Phase.PLAYING, performance, null));
      judgeAsTheyPass(room, performance, clock);
    } else if (phase.equals("countin")) {
      Performance performance =
          FakeRoom.performance(longSong(song), clock.nowMs() + 1100, GUESTS);
      room.publish(room.inPhase(Phase.COUNT_IN, performance, null));
    } else if (phase.equals("results")) {
      List<Results.PlayerResult> players = GUESTS.stream()
          .filter(g -> g.score().notes() > 0)
          .sorted((a, b) -> Double.compare(b.score().accuracy(), a.score().accuracy()))
          .map(g -> new Results.PlayerResult(g.id(), g.name(), g.score()))
          .toList();
      Results results = new Results(song.title(), players, new Score(60, 40, 13, 7, 3, 44));
      room.publish(room.inPhase(Phase.RESULTS, null, results));
    }
  }

  private static Song longSong(Song song) {
    List<SongNote> notes = new ArrayList<>();
    String[] tune = {"E4", "E4", "F4", "G4", "G4", "F4", "E4", "D4", "C4", "C4", "D4", "E4",
        "E4", "D4", "D4", "A4", "B4", "C5", "F#4", "G4"};
    for (int round = 0; round < 6; round++) {
      for (int i = 0; i < tune.length; i++) {
        notes.add(new SongNote(notes.size(), p(tune[i]),
            round * tune.length * 0.5 + i * 0.5, 0.5));
      }
    }
    return new Song("ode", song.title(), song.composer(), 100, 4, 4, notes);
  }

  private static void judgeAsTheyPass(FakeRoom room, Performance performance, RoomClock clock) {
    Random random = new Random(7);
    int[] next = {0};
    Timeline judging = new Timeline(new KeyFrame(Duration.millis(30), e -> {
      List<ScheduledNote> notes = performance.notes();
      while (next[0] < notes.size() && notes.get(next[0]).at() < clock.nowMs()) {
        ScheduledNote note = notes.get(next[0]++);
        double roll = random.nextDouble();
        Verdict verdict = roll < 0.6 ? Verdict.PERFECT : roll < 0.85 ? Verdict.GOOD : Verdict.MISS;
        room.judge(new Judgement(note.id(), "1", note.pitch(), verdict, 10, note.at()));
      }
    }));
    judging.setCycleCount(Timeline.INDEFINITE);
    judging.play();
  }

  private static Pitch p(String name) {
    return Pitch.parse(name);
  }
}
