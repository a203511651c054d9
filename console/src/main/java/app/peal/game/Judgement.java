package app.peal.game;

import app.peal.music.Pitch;

/**
 * A verdict on one player's note or ring. {@code noteId} is -1 for a stray ring; {@code offsetMs}
 * (ring minus note) is NaN for a miss or a stray; {@code at} is the ring instant, or the note's
 * for a miss.
 */
public record Judgement(
    int noteId, String playerId, Pitch pitch, Verdict verdict, double offsetMs, double at) {}
