package app.peal.game;

import app.peal.music.Pitch;

/** A song note placed on the room clock: {@code at} is the console-ms instant it should ring. */
public record ScheduledNote(int id, Pitch pitch, double at) {}
