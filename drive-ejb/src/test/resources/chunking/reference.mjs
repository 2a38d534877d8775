// Reference implementation of drive-cdc-2 in plain JavaScript (Node 18+), checked against vectors.json:
//   node drive-ejb/src/test/resources/chunking/reference.mjs
// It uses only 32-bit integer arithmetic, as a browser implementation would.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const MIN = 262144, AVG = 1048576, MAX = 4194304;
const MASK_S = 0xFFFFF800, MASK_L = 0xFFFFE000;
const sha256 = (...parts) => { const h = createHash('sha256'); parts.forEach(p => h.update(p)); return h.digest(); };

// GEAR[i] = first 4 bytes, big-endian, of SHA-256("drive-gear" || byte i)
const GEAR = new Uint32Array(256);
for (let i = 0; i < 256; i++) GEAR[i] = sha256(Buffer.from('drive-gear', 'ascii'), Uint8Array.of(i)).readUInt32BE(0);

// length of the chunk that starts at data[start]
function cut(data, start) {
  const remaining = data.length - start;
  if (remaining <= MIN) return remaining;
  const n = Math.min(remaining, MAX), normal = Math.min(AVG, n);
  let h = 0, i = MIN;
  for (; i < normal; i++) { h = ((h << 1) + GEAR[data[start + i]]) | 0; if ((h & MASK_S) === 0) return i + 1; }
  for (; i < n; i++) { h = ((h << 1) + GEAR[data[start + i]]) | 0; if ((h & MASK_L) === 0) return i + 1; }
  return n;
}

// block k of a seed's stream = SHA-256(UTF-8 seed || k as 8 bytes big-endian)
function stream(seed, size) {
  const out = Buffer.alloc(size), counter = Buffer.alloc(8);
  for (let k = 0, at = 0; at < size; k++, at += 32) {
    counter.writeBigUInt64BE(BigInt(k));
    sha256(Buffer.from(seed, 'utf8'), counter).copy(out, at, 0, Math.min(32, size - at));
  }
  return out;
}

const file = JSON.parse(readFileSync(new URL('vectors.json', import.meta.url)));
let failed = 0;
for (const v of file.vectors) {
  const data = Buffer.concat(v.input.map(p => ('zeros' in p ? Buffer.alloc(p.zeros) : stream(p.seed, p.size))));
  const chunks = [];
  for (let at = 0; at < data.length; ) {
    const len = cut(data, at);
    chunks.push({ offset: at, length: len, sha256: sha256(data.subarray(at, at + len)).toString('hex') });
    at += len;
  }
  const ok = data.length === v.size && sha256(data).toString('hex') === v.sha256
    && JSON.stringify(chunks) === JSON.stringify(v.chunks);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${v.name}: ${chunks.length} chunks`);
  if (!ok) failed++;
}
process.exit(failed ? 1 : 0);
