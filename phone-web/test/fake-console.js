// A stand-in console for page tests: serves www/ over HTTP on 127.0.0.1 and speaks the Peal
// protocol over a WebSocket at /ws, with just enough framing for small text messages.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';

const WWW = new URL('../www/', import.meta.url).pathname;
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export async function startFakeConsole({ room = 'ABCD', offset = 7000, onMessage = () => {} }) {
  const phones = new Set();
  const received = [];
  const consoleNow = () => performance.now() + offset;

  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(WWW, path === '/' ? 'index.html' : path));
    if (!file.startsWith(WWW)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });

  server.on('upgrade', (req, socket) => {
    const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + WS_GUID)
      .digest('base64');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n'
      + `Connection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const phone = { socket, send: (msg) => socket.write(frame(JSON.stringify(msg))) };
    phones.add(phone);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let parsed;
      while ((parsed = unframe(buffer))) {
        buffer = buffer.subarray(parsed.length);
        if (parsed.opcode === 8) {
          socket.end();
          return;
        }
        if (parsed.opcode !== 1) continue;
        const msg = JSON.parse(parsed.text);
        const arrivedAt = consoleNow();
        if (msg.type === 'sync') {
          phone.send({ type: 'sync', t0: msg.t0, t1: arrivedAt, t2: consoleNow() });
          continue;
        }
        received.push({ msg, arrivedAt });
        if (msg.type === 'join' && msg.room.toUpperCase() !== room) {
          phone.send({ type: 'error', code: 'wrong_room', message: `no room ${msg.room} here` });
          continue;
        }
        onMessage(msg, phone);
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => phones.delete(phone));
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    consoleNow,
    received,
    phones,
    broadcast: (msg) => phones.forEach((p) => p.send(msg)),
    dropAll: () => phones.forEach((p) => p.socket.destroy()),
    close: () => new Promise((resolve) => {
      phones.forEach((p) => p.socket.destroy());
      server.close(resolve);
    }),
  };
}

function frame(text) {
  const payload = Buffer.from(text);
  const n = payload.length;
  const head = n < 126 ? Buffer.from([0x81, n])
    : Buffer.from([0x81, 126, n >> 8, n & 0xff]);
  return Buffer.concat([head, payload]);
}

// Decodes one masked client frame from the start of `buf`, or returns null if incomplete.
function unframe(buf) {
  if (buf.length < 2) return null;
  const opcode = buf[0] & 0x0f;
  let length = buf[1] & 0x7f;
  let at = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    at = 4;
  } else if (length === 127) {
    throw new Error('frames over 64 KiB are not expected in page tests');
  }
  if (buf.length < at + 4 + length) return null;
  const mask = buf.subarray(at, at + 4);
  const data = Buffer.from(buf.subarray(at + 4, at + 4 + length));
  for (let i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
  return { opcode, text: data.toString('utf8'), length: at + 4 + length };
}
