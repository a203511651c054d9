package app.peal.game;

import app.peal.music.Pitch;
import java.util.List;

/**
 * One player as the host sees them. {@code rttMs} and {@code uncertaintyMs} are NaN until the
 * phone has reported its clock estimate.
 */
public record PlayerView(
    String id,
    String name,
    List<Pitch> bells,
    boolean connected,
    double rttMs,
    double uncertaintyMs,
    boolean synced,
    Score score) {}
