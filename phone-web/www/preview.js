// Debug hook for screenshots and design work: `?preview=lobby|ready|countin|playing|results`
// fills the page with a made-up room instead of connecting to a console.

const BELLS = [
  { pitch: 'C#5', name: 'C♯5', midi: 73, color: '#ff7a59', frequency: 554.37 },
  { pitch: 'A5', name: 'A5', midi: 81, color: '#4cc9f0', frequency: 880 },
];

export function installPreview({ store, clock, params }) {
  const screen = params.get('preview');
  const now = performance.now();
  clock.accept({ t0: now, t1: now + 5000, t2: now + 5000 });
  const consoleNow = clock.consoleNow();
  const notes = Array.from({ length: 24 }, (_, i) => ({
    id: i, bell: BELLS[i % 3 === 2 ? 1 : 0].pitch, ms: 300 + i * 500,
  }));
  const playing = screen === 'playing' || screen === 'countin';
  const at = screen === 'countin' ? consoleNow + 1200 : consoleNow - 1600;

  store.update({
    joined: screen !== 'join',
    enabled: screen !== 'join' && screen !== 'ready',
    phase: ['countin', 'playing', 'results'].includes(screen) ? screen : 'lobby',
    connection: 'open',
    player: 1,
    name: 'Ada',
    room: store.get().room || 'ABCD',
    bells: BELLS,
    lobby: { song: 'Ding Dong Merrily', players: 7, synced: 6, canStart: false,
      waitingFor: ['Grace'] },
    sync: { offset: 5000, uncertainty: 3, rtt: 9, samples: 40, synced: true },
    song: playing ? { at, countInMs: 2000, title: 'Ding Dong Merrily', bpm: 120,
      beatsPerBar: 4, durationMs: 12000 } : null,
    notes: playing ? notes : [],
    judged: playing ? { 0: { note: 0, verdict: 'perfect', offset: 12 },
      1: { note: 1, verdict: 'good', offset: -95 } } : {},
    lastVerdict: playing ? { verdict: 'perfect', offset: 12 } : null,
    lastVerdictAt: consoleNow,
    counts: playing || screen === 'results'
      ? { perfect: 17, good: 5, miss: 2, stray: 1 } : { perfect: 0, good: 0, miss: 0, stray: 0 },
    results: screen === 'results' ? { accuracy: 22 / 24, choir: 0.84 } : null,
  });
}
