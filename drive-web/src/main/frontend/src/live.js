// Live updates: the page holds one long poll (GET /api/changes/longpoll) from the latest cursor;
// when it answers "changes", the changes are read (which moves the cursor on) and onChange runs —
// the page re-lists the folder it shows. A cursor older than the kept history (410) starts afresh.
import { useEffect, useRef } from 'preact/hooks';
import { changes } from './api.js';

export function useLiveUpdates(onChange) {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const stop = new AbortController();
    follow(stop.signal, () => callback.current());
    return () => stop.abort();
  }, []);
}

async function follow(signal, onChange) {
  let cursor = null;
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (!cursor) cursor = (await changes.latestCursor()).cursor;
      const poll = await changes.longpoll(cursor, signal);
      if (poll.changes) {
        let page;
        do {
          page = await changes.read(cursor);
          cursor = page.cursor;
        } while (page.hasMore);
        onChange();
      } else if (poll.backoff) {
        await sleep(poll.backoff * 1000, signal);
      }
      failures = 0;
    } catch (e) {
      if (signal.aborted || e.status === 401) return;
      if (e.status === 410 || e.status === 400) {
        cursor = null;
        onChange();
      }
      failures++;
      await sleep(Math.min(30_000, 1000 * 2 ** Math.min(failures, 5) * (0.5 + Math.random())), signal);
    }
  }
}

const sleep = (ms, signal) => new Promise((resolve) => {
  const t = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
});
