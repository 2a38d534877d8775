// Web Worker: cuts a File with Drive's content-defined chunker and hashes every block with WebCrypto,
// off the main thread. In: {file}. Out: {progress: bytesDone} messages, then {blocks: [{sha256,
// offset, length}]} (or {error}). The page then asks the server which blocks it lacks and sends those.
import { chunkStream } from './chunker.js';
import { sha256Hex } from './hash.js';

self.onmessage = async ({ data: { file } }) => {
  try {
    let position = 0;
    const read = async (max) => {
      const piece = new Uint8Array(await file.slice(position, position + max).arrayBuffer());
      position += piece.length;
      return piece;
    };
    const blocks = [];
    await chunkStream(read, async (bytes, offset) => {
      blocks.push({ sha256: await sha256Hex(bytes), offset, length: bytes.length });
      self.postMessage({ progress: offset + bytes.length });
    });
    self.postMessage({ blocks });
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
