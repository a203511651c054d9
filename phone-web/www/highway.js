// The player's own note highway: their upcoming notes fall down lanes (one per bell) to a play
// line, timed on the synced console clock, with the console's verdicts marked as they arrive.

const LEAD_MS = 2400; // how far ahead a note appears at the top
const TRAIL_MS = 500; // how long a passed note stays visible below the line
const PLAY_LINE = 0.78; // play line height as a fraction of the canvas
const VERDICT_COLOURS = { perfect: '#7CFFB2', good: '#FFE066', miss: '#FF6B6B', stray: '#B9B4D9' };
const VERDICT_LABELS = { perfect: 'Perfect', good: 'Good', miss: 'Miss', stray: 'Stray' };

// Pure layout: for console time `now`, where each visible note sits (y from 0 top to 1 bottom).
export function layoutNotes({ song, notes, bells, judged }, now) {
  if (!song) return [];
  const lanes = new Map(bells.map((b, i) => [b.pitch, { index: i, color: b.color }]));
  const items = [];
  for (const note of notes) {
    const lane = lanes.get(note.bell);
    const until = song.at + note.ms - now;
    if (!lane || until > LEAD_MS || until < -TRAIL_MS) continue;
    items.push({
      id: note.id,
      lane: lane.index,
      color: lane.color,
      y: PLAY_LINE * (1 - until / LEAD_MS),
      verdict: judged[note.id]?.verdict ?? null,
    });
  }
  return items;
}

export function createHighway(canvas) {
  const ctx = canvas.getContext('2d');

  function resize() {
    const ratio = globalThis.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    return ratio;
  }

  function draw(state, now) {
    const ratio = resize();
    const { width, height } = canvas;
    ctx.clearRect(0, 0, width, height);
    const laneCount = Math.max(1, state.bells.length);
    const laneWidth = width / laneCount;
    const radius = Math.min(laneWidth * 0.3, 18 * ratio);
    const lineY = height * PLAY_LINE;

    ctx.fillStyle = 'rgba(255,255,255,0.06)';
    for (let i = 1; i < laneCount; i++) ctx.fillRect(i * laneWidth - ratio, 0, 2 * ratio, height);
    ctx.fillStyle = 'rgba(255,255,255,0.85)';
    ctx.fillRect(0, lineY - 1.5 * ratio, width, 3 * ratio);
    state.bells.forEach((bell, i) => {
      ctx.strokeStyle = bell.color;
      ctx.lineWidth = 3 * ratio;
      ctx.beginPath();
      ctx.arc((i + 0.5) * laneWidth, lineY, radius + 4 * ratio, 0, Math.PI * 2);
      ctx.stroke();
    });

    for (const item of layoutNotes(state, now)) {
      const x = (item.lane + 0.5) * laneWidth;
      const y = item.y * height;
      ctx.globalAlpha = item.verdict === 'miss' ? 0.35 : 1;
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, Math.PI * 2);
      ctx.fill();
      if (item.verdict) {
        ctx.strokeStyle = VERDICT_COLOURS[item.verdict];
        ctx.lineWidth = 4 * ratio;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;

    const last = state.lastVerdict;
    if (last && now - (state.lastVerdictAt ?? -Infinity) < 700) {
      ctx.fillStyle = VERDICT_COLOURS[last.verdict];
      ctx.font = `700 ${Math.round(22 * ratio)}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      const ms = Math.round(last.offset);
      const offset = Number.isFinite(last.offset) ? ` ${ms > 0 ? '+' : ''}${ms} ms` : '';
      ctx.fillText(VERDICT_LABELS[last.verdict] + offset, width / 2, lineY + 40 * ratio);
    }
  }

  return { draw };
}
