// Drive in the browser: one page, a client of the public API only. Rendering is Preact with htm
// templates: every value is inserted as text or as a DOM property, never parsed as HTML, so a file
// named <img src=x onerror=alert(1)>.txt is just its name. No inline script or style (strict CSP).
import { html, render } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, files, join, nameOf, notifications, parentOf, session, setCsrf, zipUrl } from './api.js';
import { fromDrop, fromInput } from './dropped.js';
import { useLiveUpdates } from './live.js';
import { Uploads } from './uploads.js';
import { Breadcrumbs, DeletedTable, FilesTable } from './views/listing.js';
import { ConflictDialog, EntryDialog } from './views/dialogs.js';
import { RevisionsPanel } from './views/revisions.js';
import { UploadsPanel } from './views/uploads-panel.js';
import { SignIn } from './views/sign-in.js';
import { ShareDialog } from './views/share-dialog.js';
import { SharedWithMe } from './views/shared-with-me.js';
import { Bell, NotificationsPanel } from './views/notifications.js';
import { Storage } from './views/storage.js';

function App() {
  const [user, setUser] = useState(undefined); // undefined: asking; null: signed out
  useEffect(() => {
    session.get().then(signedIn, () => setUser(null));
  }, []);
  function signedIn(s) {
    setCsrf(s.csrfToken);
    setUser(s);
  }
  async function signOut() {
    await session.signOut().catch(() => {});
    setCsrf(null);
    setUser(null);
  }
  if (user === undefined) return null;
  if (user === null) return html`<${SignIn} onSignedIn=${signedIn} />`;
  return html`<${Drive} user=${user} onSignOut=${signOut} />`;
}

function Drive({ user, onSignOut }) {
  const [path, setPath] = useState(() => pathFromHash());
  const [view, setView] = useState('files'); // or 'deleted', 'shared'
  const [listing, setListing] = useState(null);
  const [error, setError] = useState(null);
  const [sort, setSort] = useState({ key: 'name', dir: 1 });
  const [me, setMe] = useState(null);
  const [dialog, setDialog] = useState(null);
  const [revisionsOf, setRevisionsOf] = useState(null);
  const [message, setMessage] = useState(null);
  const [conflicts, setConflicts] = useState([]);
  const [dragging, setDragging] = useState(false);
  const [shareOf, setShareOf] = useState(null);
  const [unread, setUnread] = useState(0);
  const [bellOpen, setBellOpen] = useState(false);
  const [version, setVersion] = useState(0); // counts live updates, for the views that reload on them
  const [, redraw] = useState(0);
  const current = useRef({ path, view });
  current.current = { path, view };

  const uploads = useRef(null);
  if (!uploads.current) {
    uploads.current = new Uploads({
      user: user.username,
      onChange: () => redraw((n) => n + 1),
      onConflict: (item) => setConflicts((c) => [...c, item]),
      onDone: () => { reload(); loadMe(); },
    });
  }

  async function reload() {
    const { path: p, view: v } = current.current;
    if (v === 'shared') { setListing({ path: p, entries: [] }); return; }
    try {
      const answer = v === 'deleted' ? await files.listDeleted(p) : await files.list(p);
      if (current.current.path === p && current.current.view === v) {
        setListing(answer);
        setError(null);
      }
    } catch (e) {
      setError(e.status === 404 ? 'This folder does not exist (any more).' : e.message);
      setListing({ path: p, entries: [] });
    }
  }
  const loadMe = () => session.me().then(setMe, () => {});
  const loadUnread = () => notifications.unread().then((r) => setUnread(r.unread), () => {});

  useEffect(() => { reload(); }, [path, view]);
  useEffect(() => { loadMe(); loadUnread(); }, []);
  useEffect(() => {
    uploads.current.restore(); // unfinished uploads of an earlier page (a reload, a closed tab) continue
    return () => uploads.current.detach();
  }, []);
  useEffect(() => {
    const onHash = () => setPath(pathFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useLiveUpdates(() => { reload(); loadMe(); loadUnread(); setVersion((n) => n + 1); });
  useEffect(() => {
    if (!message) return undefined;
    const t = setTimeout(() => setMessage(null), message.undo ? 10_000 : 6_000);
    return () => clearTimeout(t);
  }, [message]);

  const open = (p) => { setView('files'); location.hash = encodeURIComponent(p); setPath(p); };
  const say = (text, undo) => setMessage({ text, undo, at: Date.now() });

  async function act(promise, done) {
    try {
      const answer = await promise;
      if (done) done(answer);
      await reload();
      loadMe();
      return true;
    } catch (e) {
      say(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  }

  function startUpload({ files: picked, folders }) {
    if (picked.length === 0 && folders.length === 0) return;
    const known = new Map((listing && view === 'files' ? listing.entries : []).filter((e) => !e.folder).map((e) => [e.name, e]));
    const base = path;
    Promise.all(folders.map((f) => files.createFolder(join(base, f)).catch(() => {}))).then(() => {
      if (picked.length === 0) reload();
      const limits = me && me.usedBytes !== undefined
        ? { freeBytes: me.quotaBytes - me.usedBytes, quotaBytes: me.quotaBytes, maxFileBytes: me.maxFileBytes || undefined } : {};
      const refused = uploads.current.add(picked.map(({ file, relative }) => {
        const existing = relative.includes('/') ? null : known.get(relative);
        return { file, path: join(base, relative), baseRevision: existing && existing.revision > 0 ? existing.revision : undefined };
      }), limits);
      if (refused.length) {
        say(refused.length === 1 ? '“' + refused[0].name + '” was not uploaded: ' + refused[0].error + '.'
          : refused.length + ' of ' + picked.length + ' files were not uploaded (too large, or not enough storage left); the uploads panel says why for each.');
      }
    });
  }

  function resolveConflict(item, choice) {
    setConflicts((c) => c.filter((i) => i !== item));
    uploads.current.resolve(item.id, choice);
  }

  const dropHandlers = {
    onDragOver: (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; setDragging(true); } },
    onDragLeave: (e) => { if (!e.relatedTarget || !e.currentTarget.contains(e.relatedTarget)) setDragging(false); },
    onDrop: async (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      startUpload(await fromDrop(e.dataTransfer));
    },
  };

  const entryActions = {
    open,
    revisions: setRevisionsOf,
    share: setShareOf,
    rename: (entry) => setDialog({ kind: 'rename', entry }),
    move: (entry) => setDialog({ kind: 'move', entry }),
    copy: (entry) => setDialog({ kind: 'copy', entry }),
    remove: (entry) => act(files.remove(entry.path), () => say('“' + entry.name + '” moved to Deleted files.', () => act(files.undelete(entry.path)))),
    undelete: (entry) => act(files.undelete(entry.path), () => say('“' + entry.name + '” restored.')),
  };

  async function submitDialog(kind, entry, value) {
    if (kind === 'newFolder') return act(files.createFolder(join(path, value)), () => say('Folder “' + value + '” created.'));
    if (kind === 'rename') return act(files.move(entry.path, join(parentOf(entry.path), value)), () => say('Renamed to “' + value + '”.'));
    if (kind === 'move') return act(files.move(entry.path, join(value, entry.name)), () => say('“' + entry.name + '” moved to ' + value + '.'));
    if (kind === 'copy') return act(files.copy(entry.path, value), () => say('Copied to ' + value + '.'));
    return false;
  }

  const entries = listing ? listing.entries : [];
  return html`
    <div class=${'app' + (dragging ? ' dragging' : '')} ...${dropHandlers}>
      <button type="button" class="skip" onClick=${skipToFiles}>Skip to the file list</button>
      <header class="top">
        <a class="brand" href="#" onClick=${(e) => { e.preventDefault(); open('/'); }}><span class="logo" aria-hidden="true"></span>Drive</a>
        <div class="account">
          <${Bell} unread=${unread} onClick=${() => setBellOpen(true)} />
          <span class="who" title="Signed in">${user.username}</span>
          <button type="button" class="ghost" onClick=${onSignOut}>Sign out</button>
        </div>
      </header>
      <div class="layout">
        <nav class="side" aria-label="Drive">
          <button type="button" class="primary" onClick=${() => setDialog({ kind: 'newFolder' })}>New folder</button>
          <label class="button">Upload files<input type="file" multiple onChange=${(e) => { startUpload(fromInput(e.target.files)); e.target.value = ''; }} /></label>
          <label class="button">Upload folder<input type="file" webkitdirectory multiple data-testid="folder-input" onChange=${(e) => { startUpload(fromInput(e.target.files)); e.target.value = ''; }} /></label>
          <ul class="places">
            <li><a href="#" aria-current=${view === 'files' ? 'page' : undefined} onClick=${(e) => { e.preventDefault(); setView('files'); }}>My Drive</a></li>
            <li><a href="#" aria-current=${view === 'shared' ? 'page' : undefined} onClick=${(e) => { e.preventDefault(); setView('shared'); }}>Shared with me</a></li>
            <li><a href="#" aria-current=${view === 'deleted' ? 'page' : undefined} onClick=${(e) => { e.preventDefault(); setView('deleted'); }}>Deleted files</a></li>
          </ul>
          <${Storage} me=${me} />
        </nav>
        <main class="content" aria-busy=${listing ? 'false' : 'true'}>
          <div class="crumbs-row">
            ${view === 'shared' ? html`<h1 class="view-title">Shared with me</h1>` : html`<${Breadcrumbs} path=${path} onOpen=${open} />`}
            ${view === 'shared' ? null : view === 'deleted'
              ? html`<span class="view-tag">Deleted files</span>`
              : html`<a class="button folder-zip" href=${zipUrl(path)} download=${(path === '/' ? 'My Drive' : nameOf(path)) + '.zip'}
                        aria-label=${'Download ' + (path === '/' ? 'My Drive' : nameOf(path)) + ' as ZIP'}>Download as ZIP</a>`}
          </div>
          ${error ? html`<p class="error" role="alert">${error}</p>` : null}
          ${view === 'shared' ? html`<${SharedWithMe} onOpen=${open} say=${say} version=${version} />` : view === 'deleted'
            ? html`<${DeletedTable} entries=${entries} actions=${entryActions} />`
            : html`<${FilesTable} entries=${entries} sort=${sort} onSort=${setSort} actions=${entryActions} onDropInto=${(entry, e) => {
                e.preventDefault(); e.stopPropagation(); setDragging(false);
                fromDrop(e.dataTransfer).then((d) => startUpload({ files: d.files.map((f) => ({ ...f, relative: entry.name + '/' + f.relative })), folders: d.folders.map((f) => entry.name + '/' + f) }));
              }} />`}
          ${listing && entries.length === 0 && view !== 'shared'
            ? html`<p class="empty">${view === 'deleted' ? 'Nothing was deleted in this folder.' : 'This folder is empty. Drop files or folders here, or use “Upload files”.'}</p>`
            : null}
        </main>
      </div>
      <div class="drop-hint" aria-hidden="true"><span>Drop files or folders to upload them to ${path === '/' ? 'My Drive' : nameOf(path)}</span></div>
      <${UploadsPanel} uploads=${uploads.current} />
      <p class="toast" role="status" aria-live="polite">${message ? html`${message.text}${message.undo
        ? html` <button type="button" class="link" onClick=${() => { message.undo(); setMessage(null); }}>Undo</button>` : null}` : null}</p>
      ${dialog ? html`<${EntryDialog} ...${dialog} path=${path} onSubmit=${submitDialog} onClose=${() => setDialog(null)} />` : null}
      ${shareOf ? html`<${ShareDialog} entry=${shareOf} onClose=${() => setShareOf(null)} />` : null}
      ${bellOpen ? html`<${NotificationsPanel} version=${version} onChanged=${loadUnread} onClose=${() => { setBellOpen(false); loadUnread(); }} />` : null}
      ${conflicts.length ? html`<${ConflictDialog} item=${conflicts[0]} onChoose=${resolveConflict} />` : null}
      ${revisionsOf ? html`<${RevisionsPanel} entry=${revisionsOf} onClose=${() => setRevisionsOf(null)} onRestored=${(r) => { say('Revision ' + r + ' restored as the newest.'); reload(); loadMe(); }} />` : null}
    </div>`;
}

/** Focus the file list's row in the tab order (or the list itself when the folder is empty). */
function skipToFiles() {
  const row = document.querySelector('table.entries tbody tr[tabindex="0"]');
  const main = document.querySelector('main.content');
  if (row) row.focus();
  else { main.tabIndex = -1; main.focus(); }
}

const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');

function pathFromHash() {
  const h = decodeURIComponent(location.hash.slice(1));
  return h.startsWith('/') ? h : '/';
}

render(html`<${App} />`, document.getElementById('app'));
