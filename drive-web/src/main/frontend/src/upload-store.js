// Uploads in progress kept in IndexedDB (through idb-keyval), so that a reload or a closed tab does
// not lose them: a small record per upload (user, path, size and identity of the file, resumable
// session, bytes acknowledged, paused or not), rewritten as the upload goes on, and the File itself in
// a store of its own, written once (Chromium keeps File objects in IndexedDB; rewriting one could copy
// its bytes again). Everything here is best effort: without IndexedDB uploads simply do not survive.
import { createStore, del, entries, get, set } from 'idb-keyval';

const records = createStore('drive-uploads', 'uploads');
const files = createStore('drive-upload-files', 'files');
const MAX_AGE = 7 * 24 * 3600 * 1000; // the server keeps resumable sessions for 7 days (drive.upload.session-ttl)

const quietly = (promise, otherwise) => promise.catch(() => otherwise);

export const uploadStore = {
  /** Saves what is needed to resume the upload (not the file). */
  save(item, user) {
    const { key, path, name, size, baseRevision, onConflict, session, loaded, created } = item;
    const file = { type: item.file ? item.file.type : item.type, lastModified: item.file ? item.file.lastModified : item.lastModified };
    return quietly(set(key, { key, user, path, name, size, baseRevision, onConflict, session, loaded, created,
      paused: item.state === 'paused', ...file }, records));
  },

  /** Keeps the file itself; resolves whether that worked (a full disk or a private window may refuse). */
  saveFile(item) {
    return quietly(set(item.key, item.file, files).then(() => true), false);
  },

  remove(key) {
    return quietly(Promise.all([del(key, records), del(key, files)]));
  },

  /** The user's unfinished uploads, each with its file when it was kept; records older than a session are dropped. */
  async load(user) {
    const all = await quietly(entries(records), []);
    const mine = [];
    for (const [key, record] of all) {
      if (Date.now() - (record.created || 0) > MAX_AGE) {
        await this.remove(key);
      } else if (record.user === user) {
        mine.push({ ...record, file: await quietly(get(key, files), undefined) });
      }
    }
    return mine.sort((a, b) => a.created - b.created);
  },
};
