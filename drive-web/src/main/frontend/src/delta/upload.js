// Delta upload: a Web Worker cuts the file with the server's chunker and hashes the blocks; the
// commit names them all, the server answers which it lacks, only those are sent (PUT /api/blocks),
// and the same commit then makes the revision. Re-uploading content the account holds sends almost nothing.
import { api } from '../api.js';
import { NetworkError, send } from '../uploads.js';

/** The browser cannot hash here (no worker or WebCrypto): upload the whole file instead. */
export class DeltaUnavailable extends Error {}

export async function deltaUpload(item, uploads) {
  item.state = 'hashing';
  uploads.changed();
  const blocks = await hashBlocks(item, uploads);
  if (item.stopped()) return null;
  item.state = 'uploading';
  item.sentBytes = 0;
  const body = { path: item.path, size: item.size, blocks: blocks.map((b) => b.sha256),
    baseRevision: item.onConflict === 'overwrite' ? undefined : item.baseRevision, onConflict: item.onConflict };
  for (let round = 0; round < 3; round++) {
    const answer = await api('POST', '/api/files/commit', body);
    if (!answer.missing) return answer;
    const missing = new Set(answer.missing);
    const toSend = uniqueBlocks(blocks).filter((b) => missing.has(b.sha256));
    let done = item.size - toSend.reduce((s, b) => s + b.length, 0);
    uploads.progress(item, done);
    for (const block of toSend) {
      if (item.stopped()) return null;
      await putBlock(item, block, (loaded) => uploads.progress(item, done + loaded));
      done += block.length;
      item.sentBytes += block.length;
    }
  }
  throw new Error('the server kept asking for blocks');
}

function hashBlocks(item, uploads) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker('/ui/delta-worker.js');
    } catch (e) {
      reject(new DeltaUnavailable(e.message));
      return;
    }
    item.abort = () => { worker.terminate(); resolve([]); };
    worker.onmessage = ({ data }) => {
      if (data.progress !== undefined) {
        item.hashed = data.progress;
        uploads.changed();
      } else {
        worker.terminate();
        if (data.error) reject(new DeltaUnavailable(data.error));
        else resolve(data.blocks);
      }
    };
    worker.onerror = (e) => { worker.terminate(); reject(new DeltaUnavailable(e.message)); };
    worker.postMessage({ file: item.file });
  });
}

function uniqueBlocks(blocks) {
  const seen = new Set();
  return blocks.filter((b) => !seen.has(b.sha256) && seen.add(b.sha256));
}

async function putBlock(item, block, onProgress) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send('PUT', '/api/blocks/' + block.sha256, item.file.slice(block.offset, block.offset + block.length),
        { 'Content-Type': 'application/octet-stream' }, item, onProgress);
    } catch (e) {
      if (!(e instanceof NetworkError) || attempt >= 8 || item.stopped()) throw e;
      await new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }
}
