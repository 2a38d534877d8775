// Drive's content-defined chunker, drive-cdc-2 (FastCDC, normalized chunking level 1), exactly as
// specified in drive-ejb/src/test/resources/chunking/README.md: the server cuts at the same offsets,
// so blocks the browser hashes are recognised by the server (dedup, delta upload).
import { GEAR } from './gear.js';

export const MIN = 262144;
export const AVG = 1048576;
export const MAX = 4194304;
const MASK_S = 0xfffff800 | 0;
const MASK_L = 0xffffe000 | 0;

/** The length of the chunk that starts at data[start] (data holds the rest of the content, or at least MAX bytes of it). */
export function cut(data, start, end = data.length) {
  const remaining = end - start;
  if (remaining <= MIN) return remaining;
  const n = Math.min(remaining, MAX);
  const normal = Math.min(AVG, n);
  let h = 0;
  let i = MIN;
  for (; i < normal; i++) {
    h = ((h << 1) + GEAR[data[start + i]]) | 0;
    if ((h & MASK_S) === 0) return i + 1;
  }
  for (; i < n; i++) {
    h = ((h << 1) + GEAR[data[start + i]]) | 0;
    if ((h & MASK_L) === 0) return i + 1;
  }
  return n;
}

/**
 * Cuts a stream read piece by piece: read(size) resolves to the next bytes (a Uint8Array, empty at the
 * end). Calls onChunk(bytes, offset) for each chunk in order (awaited); keeps at most 2 × MAX in memory.
 */
export async function chunkStream(read, onChunk) {
  let buffer = new Uint8Array(0);
  let offset = 0;
  let ended = false;
  for (;;) {
    while (!ended && buffer.length < MAX) {
      const more = await read(2 * MAX - buffer.length);
      if (more.length === 0) ended = true;
      else buffer = concat(buffer, more);
    }
    if (buffer.length === 0) return;
    const length = cut(buffer, 0);
    await onChunk(buffer.subarray(0, length), offset);
    offset += length;
    buffer = buffer.slice(length);
  }
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
