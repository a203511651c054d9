package app.peal.game;

import java.util.List;

/**
 * A scheduled run of a song: beat 0 at {@code startAt} (console ms), preceded by a count-in of
 * {@code countInMs}. Lanes are in pitch order, notes in time order.
 */
public record Performance(
    String songTitle,
    double startAt,
    double countInMs,
    double durationMs,
    double msPerBeat,
    int beatsPerBar,
    List<Lane> lanes,
    List<ScheduledNote> notes) {}
