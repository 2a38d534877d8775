// The upload queue: simple uploads for small files, Google's resumable protocol for large ones
// (8 MiB chunks; after a network error the session is asked how far it got and the upload goes on
// from there), delta uploads (only the blocks the server lacks) for large files. Progress, speed and
// time left per file; pause, resume and cancel; limits and quota checked before a byte is sent; a
// stale base revision (409) is handed to the page, which asks the user and retries with onConflict.
// Unfinished uploads are kept in IndexedDB (upload-store.js): after a reload they resume where the
// server says they are (the resumable session's status query), not from the start. Each upload is
// held by one tab (a Web Lock per upload), so two open tabs never send the same one twice.
import { ApiError, csrfToken, q } from './api.js';
import * as format from './format.js';
import { DeltaUnavailable, deltaUpload } from './delta/upload.js';
import { uploadStore } from './upload-store.js';

export const MAX_FILE = 10 * 1024 ** 3; // the server's 10 GiB limit
export const CHUNK = 8 * 1024 * 1024; // a multiple of 256 KiB, as the protocol asks
const SIMPLE_MAX = CHUNK;
const PARALLEL = 2;
const RETRIES = 8;

const FINISHED = ['done', 'failed', 'cancelled', 'refused'];
const ACTIVE = ['queued', 'uploading', 'hashing'];
let nextId = 1;

export class Uploads {
  /** onChange(): something to redraw; onConflict(item): a 409 to ask the user about; onDone(item). */
  constructor({ user, onChange, onConflict, onDone }) {
    this.user = user;
    this.items = [];
    this.onChange = onChange;
    this.onConflict = onConflict;
    this.onDone = onDone;
  }

  /**
   * Queues [{file, path, baseRevision?}]. A file over the size limit, or more than the storage left
   * (what the server said is free, less what this page is still sending), is refused at once with a
   * message saying why; the refused ones are returned.
   */
  add(jobs, { freeBytes, quotaBytes, maxFileBytes = MAX_FILE } = {}) {
    let budget = freeBytes === undefined ? undefined : freeBytes - this.unsentBytes();
    const refused = [];
    for (const job of jobs) {
      const item = this.newItem({ key: crypto.randomUUID(), created: Date.now(), path: job.path, file: job.file,
        size: job.file.size, baseRevision: job.baseRevision, loaded: 0, state: 'queued' });
      if (item.size > maxFileBytes) {
        this.refuse(item, 'larger than ' + format.size(maxFileBytes) + ', the most a single file may have');
      } else if (budget !== undefined && item.size > budget) {
        this.refuse(item, 'needs ' + format.size(item.size) + ', but only ' + format.size(Math.max(0, budget)) + ' of your '
          + (quotaBytes ? format.size(quotaBytes) + ' ' : '') + 'storage is free');
      } else {
        if (budget !== undefined) budget -= item.size;
        this.claim(item);
        uploadStore.save(item, this.user);
        uploadStore.saveFile(item);
      }
      if (item.state === 'refused') refused.push(item);
      this.items.push(item);
    }
    this.changed();
    this.pump();
    return refused;
  }

  /** Bytes of this page's unfinished uploads that the server does not count yet. */
  unsentBytes() {
    return this.items.filter((i) => !FINISHED.includes(i.state)).reduce((sum, i) => sum + i.size, 0);
  }

  refuse(item, why) {
    item.state = 'refused';
    item.error = why;
  }

  newItem(fields) {
    return { id: nextId++, name: fields.path.slice(fields.path.lastIndexOf('/') + 1), speed: 0, eta: Infinity, samples: [], ...fields };
  }

  /**
   * Takes up the user's unfinished uploads kept from an earlier page (a reload, a closed tab) that no
   * other open tab holds: paused ones stay paused, the others continue from where the server is; one
   * whose file could not be kept waits for the user to choose that file again.
   */
  async restore() {
    for (const record of await uploadStore.load(this.user)) {
      if (this.items.some((i) => i.key === record.key)) continue;
      const item = this.newItem({ ...record, restored: true,
        state: !record.file ? 'needsFile' : record.paused ? 'paused' : 'queued' });
      if (!(await this.claim(item))) continue; // another tab is sending it
      this.items.push(item);
    }
    this.changed();
    this.pump();
  }

  /** A Web Lock named after the upload, held until it ends (or the tab closes); false if another tab has it. */
  claim(item) {
    if (!navigator.locks) return Promise.resolve(true);
    return new Promise((resolve) => {
      navigator.locks.request('drive-upload:' + item.key, { ifAvailable: true }, (lock) => {
        resolve(Boolean(lock));
        return lock ? new Promise((release) => { item.release = release; }) : undefined;
      });
    });
  }

  /** The upload is over (done, failed, cancelled): forget it here and in IndexedDB. */
  settle(item) {
    if (item.key) uploadStore.remove(item.key);
    if (item.release) item.release();
  }

  /** Keeps an upload's progress (session, bytes acknowledged, paused) for a later page. */
  persist(item) {
    if (item.key && !FINISHED.includes(item.state)) uploadStore.save(item, this.user);
  }

  /** The file of an upload that could not be kept: it must be the same one (name, size, date). */
  supplyFile(id, file) {
    const item = this.items.find((i) => i.id === id);
    if (!item || item.state !== 'needsFile') return false;
    if (file.name !== item.name || file.size !== item.size || (item.lastModified && file.lastModified !== item.lastModified)) return false;
    Object.assign(item, { file, state: 'queued' });
    uploadStore.saveFile(item);
    this.persist(item);
    this.changed();
    this.pump();
    return true;
  }

  pause(id) {
    const item = this.items.find((i) => i.id === id);
    if (!item || !ACTIVE.includes(item.state)) return;
    item.state = 'paused';
    this.stop(item);
    Object.assign(item, { speed: 0, eta: Infinity, samples: [], retrying: false });
    this.persist(item);
    this.changed();
    this.pump();
  }

  resume(id) {
    const item = this.items.find((i) => i.id === id);
    if (!item || item.state !== 'paused') return;
    item.state = 'queued';
    this.persist(item);
    this.changed();
    this.pump();
  }

  pauseAll() { for (const i of this.items) this.pause(i.id); }

  resumeAll() { for (const i of this.items) this.resume(i.id); }

  /** Ends the running attempt of an upload: its loops see stopped(), its request is aborted. */
  stop(item) {
    item.token = null;
    if (item.abort) item.abort();
  }

  /** The page goes away (sign-out): stop sending; what is kept in IndexedDB resumes at the next sign-in. */
  detach() {
    for (const item of this.items) {
      this.stop(item);
      if (item.release) item.release();
    }
    this.items = [];
  }

  get totals() {
    const active = this.items.filter((i) => !['cancelled', 'failed', 'refused'].includes(i.state));
    const size = active.reduce((s, i) => s + i.size, 0);
    const loaded = active.reduce((s, i) => s + i.loaded, 0);
    const speed = active.reduce((s, i) => s + (i.state === 'uploading' ? i.speed : 0), 0);
    const running = active.some((i) => ['queued', 'uploading', 'conflict', 'hashing'].includes(i.state));
    const waiting = active.filter((i) => i.state === 'paused' || i.state === 'needsFile').length;
    return { size, loaded, speed, eta: speed > 0 ? (size - loaded) / speed : Infinity, running, waiting, count: this.items.length };
  }

  cancel(id) {
    const item = this.items.find((i) => i.id === id);
    if (!item || FINISHED.includes(item.state)) return;
    item.state = 'cancelled';
    this.stop(item);
    if (item.session) send('DELETE', item.session).catch(() => {});
    this.settle(item);
    this.changed();
    this.pump();
  }

  cancelAll() { for (const i of this.items) this.cancel(i.id); }

  /** The user answered a conflict: 'keepBoth', 'overwrite' or null (do not save). */
  resolve(id, onConflict) {
    const item = this.items.find((i) => i.id === id);
    if (!item) return;
    if (!onConflict) { item.state = 'cancelled'; this.settle(item); this.changed(); return; }
    Object.assign(item, { onConflict, state: 'queued', loaded: 0, session: null, samples: [] });
    this.persist(item);
    this.changed();
    this.pump();
  }

  clearFinished() {
    this.items = this.items.filter((i) => !FINISHED.includes(i.state));
    this.changed();
  }

  pump() {
    const running = this.items.filter((i) => i.state === 'uploading' || i.state === 'hashing').length;
    for (const item of this.items.filter((i) => i.state === 'queued').slice(0, Math.max(0, PARALLEL - running))) {
      item.state = 'uploading';
      this.run(item);
    }
  }

  async run(item) {
    const token = {};
    item.token = token;
    item.stopped = () => item.token !== token; // paused, cancelled, or a newer attempt runs
    try {
      const result = await this.transfer(item);
      if (item.stopped()) return;
      Object.assign(item, { state: 'done', loaded: item.size, result, eta: 0 });
      this.settle(item);
      this.onDone && this.onDone(item);
    } catch (e) {
      if (item.stopped()) return;
      // a stale base revision (the 409 names the latest one) is the user's to decide; other 409s fail
      if (e instanceof ApiError && e.status === 409 && e.body && e.body.latestRevision !== undefined && !item.onConflict) {
        item.state = 'conflict';
        item.latestRevision = e.body.latestRevision;
        this.onConflict(item);
      } else {
        this.fail(item, e.message);
        this.settle(item);
      }
    } finally {
      this.changed();
      this.pump();
    }
  }

  /** Small files in one request; a new version of a large file as a delta; other large files resumably. */
  async transfer(item) {
    if (item.size <= SIMPLE_MAX) return this.simple(item);
    if (item.baseRevision > 0 && typeof Worker === 'function') {
      try {
        return await deltaUpload(item, this);
      } catch (e) {
        if (!(e instanceof DeltaUnavailable)) throw e;
      }
    }
    return this.resumable(item);
  }

  fail(item, message) {
    item.state = 'failed';
    item.error = message;
  }

  progress(item, loaded) {
    const now = performance.now();
    item.loaded = loaded;
    item.samples.push([now, loaded]);
    while (item.samples.length > 2 && now - item.samples[0][0] > 3000) item.samples.shift();
    const [t0, l0] = item.samples[0];
    if (now - t0 > 200) item.speed = ((loaded - l0) * 1000) / (now - t0);
    item.eta = item.speed > 0 ? (item.size - loaded) / item.speed : Infinity;
    this.changed();
  }

  changed() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => { this.scheduled = false; this.onChange(); });
  }

  writeParams(item) {
    return { path: item.path, baseRevision: item.baseRevision, onConflict: item.onConflict };
  }

  async simple(item) {
    const url = '/api/files/upload?' + q({ uploadType: 'media', ...this.writeParams(item) });
    const reply = await send('POST', url, item.file, { 'Content-Type': 'application/octet-stream' }, item,
      (loaded) => this.progress(item, loaded));
    return reply.json;
  }

  async resumable(item) {
    let offset = 0;
    if (item.session) { // a session from before (a pause, a reload): ask it how far it got
      try {
        offset = await this.askOffset(item);
        if (offset === null) return item.result; // the server had every byte already
      } catch (e) {
        if (!(e instanceof ApiError) || ![404, 410].includes(e.status)) throw e;
        item.session = null; // expired or unknown: start afresh
      }
    }
    if (!item.session) {
      const open = await send('POST', '/api/files/upload?uploadType=resumable', JSON.stringify(this.writeParams(item)),
        { 'Content-Type': 'application/json', 'X-Upload-Content-Length': String(item.size),
          'X-Upload-Content-Type': item.file.type || 'application/octet-stream' }, item);
      item.session = open.location;
      offset = 0;
      this.persist(item);
    }
    for (let attempt = 0; ;) {
      try {
        if (attempt > 0) offset = await this.askOffset(item);
        if (offset === null) return item.result; // the server had every byte already
        if (offset >= item.size) { // every byte is there and still being committed (by a request a reload cut off)
          if (item.stopped()) throw new NetworkError('cancelled');
          await sleep(1000);
          offset = await this.askOffset(item);
          continue;
        }
        this.progress(item, offset);
        while (offset < item.size) {
          const end = Math.min(offset + CHUNK, item.size);
          const from = offset;
          const reply = await send('PUT', item.session, item.file.slice(from, end),
            { 'Content-Range': 'bytes ' + from + '-' + (end - 1) + '/' + item.size }, item,
            (loaded) => this.progress(item, from + loaded));
          if (reply.status === 200 || reply.status === 201) return reply.json;
          offset = rangeEnd(reply.range);
          this.progress(item, offset);
          this.persist(item);
          attempt = 0;
        }
      } catch (e) {
        if (!(e instanceof NetworkError) || ++attempt > RETRIES || item.stopped()) throw e;
        item.retrying = true;
        this.changed();
        await sleep(Math.min(30_000, 500 * 2 ** attempt));
        item.retrying = false;
      }
    }
  }

  /** The status query: how many bytes the session holds (null once the upload is complete). */
  async askOffset(item) {
    const reply = await send('PUT', item.session, null, { 'Content-Range': 'bytes */' + item.size }, item);
    if (reply.status === 200 || reply.status === 201) { item.result = reply.json; return null; }
    return rangeEnd(reply.range);
  }
}

const rangeEnd = (range) => (range ? Number(range.slice(range.lastIndexOf('-') + 1)) + 1 : 0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class NetworkError extends Error {}

/**
 * One request with XMLHttpRequest (fetch cannot report upload progress). Resolves {status, json,
 * location, range} for 2xx and 308; rejects with ApiError for other answers, NetworkError when the
 * connection failed. item.abort cancels it.
 */
export function send(method, url, body, headers = {}, item = {}, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    if (csrfToken()) xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onerror = () => reject(new NetworkError('network error'));
    xhr.onabort = () => reject(new NetworkError('cancelled'));
    xhr.onload = () => {
      let json = null;
      try { json = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { json = null; }
      if ((xhr.status >= 200 && xhr.status < 300) || xhr.status === 308) {
        resolve({ status: xhr.status, json, location: xhr.getResponseHeader('Location'), range: xhr.getResponseHeader('Range') });
      } else if (xhr.status === 0) {
        reject(new NetworkError('network error'));
      } else {
        reject(new ApiError(xhr.status, json));
      }
    };
    item.abort = () => xhr.abort();
    xhr.send(body);
  });
}
