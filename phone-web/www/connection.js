// The phone's link to the console: one WebSocket that reconnects by itself, rejoins with the
// stored token to keep the player's slot, and delivers rings made while offline.

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 2000;
const MAX_UNCONFIRMED = 200;

export function socketUrl(location) {
  return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws';
}

// status: 'connecting' (never opened yet) | 'open' | 'reconnecting'
export function createConnection({
  url,
  createSocket = (to) => new WebSocket(to),
  storage = null,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (id) => clearTimeout(id),
  random = Math.random,
  onMessage = () => {},
  onStatus = () => {},
  onOpen = () => {},
}) {
  let socket = null;
  let status = 'connecting';
  let retryMs = FIRST_RETRY_MS;
  let retryTimer = null;
  let closed = false;
  let joinRequest = null;
  let joined = false;
  let awaitingWelcome = false;
  // Rings the console has not yet confirmed (by judged/stray or lastRingId), oldest first.
  let unconfirmed = [];
  let nextRingId = 0;

  const tokenKey = (room) => `peal.token.${room.toUpperCase()}`;
  const ringKey = (room) => `peal.ring.${room.toUpperCase()}`;

  function setStatus(next) {
    if (next !== status) {
      status = next;
      onStatus(status);
    }
  }

  function open() {
    closed = false;
    socket = createSocket(url);
    socket.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      setStatus('open');
      onOpen();
      if (joinRequest) {
        sendJoin();
      }
    };
    socket.onmessage = (event) => receive(event.data);
    socket.onclose = () => lost();
    socket.onerror = () => {};
  }

  function lost() {
    socket = null;
    joined = false;
    awaitingWelcome = false;
    if (closed) {
      return;
    }
    setStatus(status === 'connecting' ? 'connecting' : 'reconnecting');
    const wait = retryMs * (0.8 + 0.4 * random());
    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    retryTimer = setTimer(() => {
      retryTimer = null;
      open();
    }, Math.min(MAX_RETRY_MS, wait));
  }

  function receive(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (!msg || typeof msg.type !== 'string') {
      return;
    }
    if (msg.type === 'welcome' || msg.type === 'error') {
      awaitingWelcome = false;
    }
    if (msg.type === 'welcome') {
      joined = true;
      storage?.setItem(tokenKey(msg.room ?? joinRequest.room), msg.token);
      confirmUpTo(msg.song?.lastRingId);
      flushRings();
    } else if (msg.type === 'start') {
      confirmUpTo(msg.lastRingId);
    } else if ((msg.type === 'judged' || msg.type === 'stray') && Number.isInteger(msg.ring)) {
      unconfirmed = unconfirmed.filter((r) => r.id !== msg.ring);
    } else if (msg.type === 'error' && msg.code === 'bad_token' && joinRequest) {
      // The console forgot us (restarted): join afresh rather than loop on a dead token.
      storage?.removeItem(tokenKey(joinRequest.room));
      sendJoin();
    }
    onMessage(msg);
  }

  function confirmUpTo(lastRingId) {
    if (Number.isInteger(lastRingId)) {
      unconfirmed = unconfirmed.filter((r) => r.id > lastRingId);
      nextRingId = Math.max(nextRingId, lastRingId + 1);
      rememberRingId();
    }
  }

  function isOpen() {
    return socket !== null && status === 'open' && socket.readyState === 1;
  }

  function send(msg) {
    if (!isOpen()) {
      return false;
    }
    socket.send(JSON.stringify(msg));
    return true;
  }

  function sendJoin() {
    const token = storage?.getItem(tokenKey(joinRequest.room));
    const { room, name } = joinRequest;
    awaitingWelcome = send({ type: 'join', room, name, ...(token ? { token } : {}) });
  }

  function join(room, name) {
    const next = { room: room.trim().toUpperCase(), name };
    // A second tap on Join while the first is on its way would be refused as already joined.
    const same = joinRequest && joinRequest.room === next.room && joinRequest.name === name;
    if (same && (joined || awaitingWelcome) && isOpen()) {
      return;
    }
    joinRequest = next;
    const stored = Number(storage?.getItem(ringKey(joinRequest.room)));
    nextRingId = Math.max(nextRingId, Number.isInteger(stored) ? stored : 0);
    sendJoin();
  }

  function rememberRingId() {
    if (joinRequest) {
      storage?.setItem(ringKey(joinRequest.room), String(nextRingId));
    }
  }

  // Sends a ring now or as soon as the player is back in the room; returns the message sent.
  function ring({ at, bell, source }) {
    const msg = { type: 'ring', id: nextRingId++, at, source, ...(bell ? { bell } : {}) };
    rememberRingId();
    unconfirmed.push(msg);
    if (unconfirmed.length > MAX_UNCONFIRMED) {
      unconfirmed.shift();
    }
    if (joined) {
      send(msg);
    }
    return msg;
  }

  function flushRings() {
    for (const msg of unconfirmed) {
      send(msg);
    }
  }

  function close() {
    closed = true;
    if (retryTimer !== null) {
      clearTimer(retryTimer);
      retryTimer = null;
    }
    socket?.close();
  }

  return {
    open,
    join,
    send,
    ring,
    close,
    status: () => status,
    joined: () => joined,
    pendingRings: () => unconfirmed.map((r) => r.id),
  };
}
