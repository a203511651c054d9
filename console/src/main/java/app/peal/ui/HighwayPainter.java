package app.peal.ui;

import app.peal.game.Judgement;
import app.peal.game.Lane;
import app.peal.game.Performance;
import app.peal.game.ScheduledNote;
import app.peal.game.Verdict;
import app.peal.music.Pitch;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the note highway onto a canvas, one frame per call. Everything a frame needs is worked
 * out when the performance arrives, so painting allocates nothing but the layout.
 */
final class HighwayPainter {
  static final double FLASH_MS = 700;
  // The canvas cannot take CSS; these match highway.css.
  private static final Color BACKGROUND = Color.web("#12172a");
  private static final Color LANE_STRIPE = Color.web("#1a2038");
  private static final Color LANE_EDGE = Color.web("#2a3150");
  private static final Color PLAY_LINE = Color.web("#f5f1e6");
  private static final Color MISSED_NOTE = Color.web("#4a5070");
  private static final Color LABEL_TEXT = Color.web("#f5f1e6");
  private static final Color RINGER_TEXT = Color.web("#b8bdd6");
  private static final Color COUNT_IN_SHADE = Color.web("#12172a", 0.55);
  private static final Color COUNT_IN_TEXT = Color.web("#ffd166");
  private static final Map<Verdict, Color> VERDICT_COLORS = Map.of(
      Verdict.PERFECT, Color.web("#ffd166"),
      Verdict.GOOD, Color.web("#56b4e9"),
      Verdict.MISS, Color.web("#ff7b54"),
      Verdict.STRAY, Color.web("#b8bdd6"));

  private final Canvas canvas;
  private Performance performance;
  private Color[] laneFills = new Color[0];
  private Color[] laneTexts = new Color[0];
  private String[] laneNames = new String[0];
  private String[] laneRingers = new String[0];
  private final Map<Pitch, Integer> laneOfPitch = new HashMap<>();
  private final Map<Integer, Integer> indexOfNote = new HashMap<>();
  private double[] noteAt = new double[0];
  private int[] noteLane = new int[0];
  private Verdict[] noteVerdict = new Verdict[0];
  private Verdict[] flashVerdict = new Verdict[0];
  private double[] flashAt = new double[0];
  private HighwayLayout layout;
  private Font noteFont;
  private Font laneFont;
  private Font ringerFont;
  private Font flashFont;
  private Font countFont;
  private Font readyFont;

  HighwayPainter(Canvas canvas) {
    this.canvas = canvas;
  }

  /** Prepares lanes and notes for a new performance and forgets every earlier verdict. */
  void setPerformance(Performance next) {
    performance = next;
    List<ScheduledNote> notes = next.notes();
    noteAt = new double[notes.size()];
    noteLane = new int[notes.size()];
    noteVerdict = new Verdict[notes.size()];
    indexOfNote.clear();
    for (int i = 0; i < notes.size(); i++) {
      noteAt[i] = notes.get(i).at();
      indexOfNote.put(notes.get(i).id(), i);
    }
    flashVerdict = new Verdict[0];
    setLanes(next.lanes());
  }

  /** Takes new lanes (ringers come and go mid-song) and keeps the verdicts so far. */
  void setLanes(List<Lane> lanes) {
    int count = lanes.size();
    laneFills = new Color[count];
    laneTexts = new Color[count];
    laneNames = new String[count];
    laneRingers = new String[count];
    laneOfPitch.clear();
    for (int i = 0; i < count; i++) {
      Lane lane = lanes.get(i);
      laneFills[i] = BellChip.colorOf(lane.pitch());
      laneTexts[i] = BellChip.textColorOf(lane.pitch());
      laneNames[i] = lane.pitch().displayName();
      laneRingers[i] = lane.consoleRings() ? "console" : String.join(", ", lane.ringerNames());
      laneOfPitch.put(lane.pitch(), i);
    }
    List<ScheduledNote> notes = performance.notes();
    for (int i = 0; i < notes.size(); i++) {
      noteLane[i] = laneOfPitch.getOrDefault(notes.get(i).pitch(), -1);
    }
    if (flashVerdict.length != count) {
      flashVerdict = new Verdict[count];
      flashAt = new double[count];
      Arrays.fill(flashAt, Double.NEGATIVE_INFINITY);
    }
  }

  /** Marks a note judged and flashes its verdict at the lane, starting at {@code nowMs}. */
  void judged(Judgement judgement, double nowMs) {
    Integer index = indexOfNote.get(judgement.noteId());
    if (index != null) {
      noteVerdict[index] = judgement.verdict();
    }
    Integer lane = laneOfPitch.get(judgement.pitch());
    if (lane != null && judgement.verdict() != Verdict.STRAY) {
      flashVerdict[lane] = judgement.verdict();
      flashAt[lane] = nowMs;
    }
  }

  /** The verdict flashing at a lane at {@code nowMs}, or null. */
  Verdict flashing(Pitch pitch, double nowMs) {
    Integer lane = laneOfPitch.get(pitch);
    if (lane == null || nowMs - flashAt[lane] > FLASH_MS) {
      return null;
    }
    return flashVerdict[lane];
  }

  void paint(double nowMs) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    double width = canvas.getWidth();
    double height = canvas.getHeight();
    g.setFill(BACKGROUND);
    g.fillRect(0, 0, width, height);
    if (performance == null || laneFills.length == 0 || width < 1 || height < 1) {
      return;
    }
    if (layout == null || layout.width() != width || layout.height() != height
        || layout.lanes() != laneFills.length) {
      relayout(width, height);
    }

    paintLanes(g);
    paintNotes(g, nowMs);
    paintFlashes(g, nowMs);
    paintLabels(g);
    if (nowMs < performance.startAt()) {
      paintCountIn(g, nowMs);
    }
  }

  private void relayout(double width, double height) {
    layout = new HighwayLayout(width, height, laneFills.length);
    double lane = layout.laneWidth();
    double band = layout.labelBandHeight();
    noteFont = Font.font(null, FontWeight.BOLD, Math.min(26, lane * 0.3));
    laneFont = Font.font(null, FontWeight.BOLD, Math.min(44, Math.min(lane * 0.38, band * 0.36)));
    ringerFont = Font.font(null, FontWeight.NORMAL, Math.min(20, lane * 0.16));
    flashFont = Font.font(null, FontWeight.BOLD, Math.min(30, lane * 0.2));
    countFont = Font.font(null, FontWeight.BOLD, height * 0.34);
    readyFont = Font.font(null, FontWeight.BOLD, height * 0.06);
  }

  private void paintLanes(GraphicsContext g) {
    double top = 0;
    double bottom = layout.height();
    for (int i = 0; i < laneFills.length; i++) {
      if (i % 2 == 1) {
        g.setFill(LANE_STRIPE);
        g.fillRect(layout.laneLeft(i), top, layout.laneWidth(), bottom);
      }
    }
    g.setStroke(LANE_EDGE);
    g.setLineWidth(1);
    for (int i = 0; i <= laneFills.length; i++) {
      double x = Math.round(layout.laneLeft(i)) + 0.5;
      g.strokeLine(x, top, x, layout.playLineY());
    }
    g.setStroke(PLAY_LINE);
    g.setLineWidth(5);
    double lineLeft = layout.laneLeft(0);
    double lineRight = layout.laneLeft(laneFills.length);
    g.strokeLine(lineLeft, layout.playLineY(), lineRight, layout.playLineY());
  }

  private void paintNotes(GraphicsContext g, double nowMs) {
    double lane = layout.laneWidth();
    double noteHeight = layout.noteHeight();
    double inset = Math.max(4, lane * 0.1);
    double corner = Math.min(18, noteHeight * 0.6);
    g.setFont(noteFont);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);

    int first = firstNoteAtOrAfter(nowMs - HighwayLayout.PASS_MS);
    double last = nowMs + HighwayLayout.LOOKAHEAD_MS + HighwayLayout.PASS_MS;
    for (int i = first; i < noteAt.length && noteAt[i] <= last; i++) {
      int laneIndex = noteLane[i];
      Verdict verdict = noteVerdict[i];
      boolean rung = verdict == Verdict.PERFECT || verdict == Verdict.GOOD;
      if (laneIndex < 0 || rung) {
        continue;
      }
      double y = layout.noteY(noteAt[i], nowMs);
      double x = layout.laneLeft(laneIndex) + inset;
      boolean missed = verdict == Verdict.MISS;
      g.setFill(missed ? MISSED_NOTE : laneFills[laneIndex]);
      g.fillRoundRect(x, y - noteHeight / 2, lane - 2 * inset, noteHeight, corner, corner);
      g.setFill(missed ? RINGER_TEXT : laneTexts[laneIndex]);
      g.fillText(laneNames[laneIndex], x + (lane - 2 * inset) / 2, y);
    }
  }

  private void paintFlashes(GraphicsContext g, double nowMs) {
    g.setFont(flashFont);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.BOTTOM);
    for (int i = 0; i < flashVerdict.length; i++) {
      double age = nowMs - flashAt[i];
      if (flashVerdict[i] == null || age < 0 || age > FLASH_MS) {
        continue;
      }
      Color color = VERDICT_COLORS.get(flashVerdict[i]);
      double fade = 1 - age / FLASH_MS;
      g.setGlobalAlpha(0.35 * fade);
      g.setFill(color);
      g.fillRect(layout.laneLeft(i), layout.playLineY() - 10, layout.laneWidth(), 20);
      g.setGlobalAlpha(fade);
      double rise = 30 * (age / FLASH_MS);
      g.fillText(flashVerdict[i].name(), layout.laneCenter(i), layout.playLineY() - 18 - rise);
    }
    g.setGlobalAlpha(1);
  }

  private void paintLabels(GraphicsContext g) {
    double lane = layout.laneWidth();
    double band = layout.labelBandHeight();
    double chipTop = layout.playLineY() + band * 0.1;
    double chipHeight = band * 0.5;
    double inset = Math.max(4, lane * 0.08);
    // The band hides notes that have passed the line, so they never run over the labels.
    double bandTop = layout.playLineY() + 3;
    g.setFill(BACKGROUND);
    g.fillRect(0, bandTop, layout.width(), layout.height() - bandTop);
    g.setFill(LANE_STRIPE);
    for (int i = 1; i < laneFills.length; i += 2) {
      g.fillRect(layout.laneLeft(i), bandTop, lane, layout.height() - bandTop);
    }
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i < laneFills.length; i++) {
      double center = layout.laneCenter(i);
      g.setFill(laneFills[i]);
      g.fillRoundRect(layout.laneLeft(i) + inset, chipTop, lane - 2 * inset, chipHeight, 16, 16);
      g.setFont(laneFont);
      g.setFill(laneTexts[i]);
      g.fillText(laneNames[i], center, chipTop + chipHeight / 2);
      g.setFont(ringerFont);
      g.setFill(RINGER_TEXT);
      g.fillText(laneRingers[i], center, chipTop + chipHeight + band * 0.2, lane - 8);
    }
  }

  private void paintCountIn(GraphicsContext g, double nowMs) {
    double remaining = performance.startAt() - nowMs;
    int beatsLeft = (int) Math.ceil(remaining / performance.msPerBeat());
    int countInBeats = (int) Math.round(performance.countInMs() / performance.msPerBeat());
    double centerX = layout.width() / 2;
    double centerY = layout.playLineY() / 2;

    g.setFill(COUNT_IN_SHADE);
    g.fillRect(0, 0, layout.width(), layout.playLineY());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.setFill(COUNT_IN_TEXT);
    if (beatsLeft > countInBeats) {
      g.setFont(readyFont);
      g.fillText("Get ready…", centerX, centerY);
      return;
    }
    double beatPhase = 1 - (remaining / performance.msPerBeat()) % 1;
    g.setGlobalAlpha(1 - 0.6 * beatPhase);
    g.setFont(countFont);
    g.fillText(Integer.toString(beatsLeft), centerX, centerY);
    g.setGlobalAlpha(1);
  }

  private int firstNoteAtOrAfter(double ms) {
    int low = 0;
    int high = noteAt.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (noteAt[mid] < ms) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
