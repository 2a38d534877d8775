// The browser's chunker against the shared test vectors (drive-ejb/src/test/resources/chunking):
// the same cut points and block hashes as the server's ContentDefinedChunker. Run by `npm test`
// (part of drive-web's Maven build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GEAR } from '../src/delta/gear.js';
import { chunkStream, cut } from '../src/delta/chunker.js';
import { sha256Hex } from '../src/delta/hash.js';

const vectorsUrl = new URL('../../../../../drive-ejb/src/test/resources/chunking/vectors.json', import.meta.url);
const { vectors } = JSON.parse(readFileSync(vectorsUrl));
const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

function stream(seed, size) {
  const out = Buffer.alloc(size);
  const counter = Buffer.alloc(8);
  for (let k = 0, at = 0; at < size; k++, at += 32) {
    counter.writeBigUInt64BE(BigInt(k));
    sha256(Buffer.from(seed, 'utf8'), counter).copy(out, at, 0, Math.min(32, size - at));
  }
  return out;
}

const input = (v) => Buffer.concat(v.input.map((p) => ('zeros' in p ? Buffer.alloc(p.zeros) : stream(p.seed, p.size))));

test('the gear table is SHA-256("drive-gear" || i), big-endian', () => {
  for (let i = 0; i < 256; i++) {
    assert.equal(GEAR[i], sha256(Buffer.from('drive-gear', 'ascii'), Uint8Array.of(i)).readUInt32BE(0), 'GEAR[' + i + ']');
  }
});

for (const v of vectors) {
  test('vector ' + v.name + ': same cuts whole and streamed in odd pieces, same block hashes with WebCrypto', async () => {
    const data = input(v);
    assert.equal(data.length, v.size);
    const whole = [];
    for (let at = 0; at < data.length; at += whole[whole.length - 1].length) {
      whole.push({ offset: at, length: cut(data, at) });
    }
    let position = 0;
    const read = async (max) => {
      const n = Math.min(max, 777_777, data.length - position); // pieces that never align with a cut
      position += n;
      return new Uint8Array(data.subarray(position - n, position));
    };
    const streamed = [];
    await chunkStream(read, async (bytes, offset) => {
      streamed.push({ offset, length: bytes.length, sha256: await sha256Hex(bytes) });
    });
    assert.deepEqual(whole, v.chunks.map(({ offset, length }) => ({ offset, length })));
    assert.deepEqual(streamed, v.chunks);
  });
}
