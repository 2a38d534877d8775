// The page a share link opens, for people without an account: /s/#<token>[/<path in the linked
// folder>]. The token stays in the fragment, which browsers never send (not when loading the page,
// not in a Referer); the page reads through /api/public/links/<token> only. A password, when the
// link has one, is kept in memory and sent in X-Link-Password with each request.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { publicLink } from '../api.js';
import * as format from '../format.js';

/** {token, path} from the fragment: the token, then the path below the linked folder, each segment encoded. */
export function fromHash(hash) {
  const h = hash.replace(/^#/, '');
  const slash = h.indexOf('/');
  const token = slash < 0 ? h : h.slice(0, slash);
  const rest = slash < 0 ? '' : h.slice(slash);
  let path = '/';
  try {
    path = '/' + rest.split('/').filter(Boolean).map(decodeURIComponent).join('/');
  } catch { /* a malformed escape: the top of the link */ }
  return { token, path };
}
export const toHash = (token, path) => '#' + token + (path === '/' ? '' : path.split('/').map(encodeURIComponent).join('/'));

export function LinkPage() {
  const [where, setWhere] = useState(() => fromHash(location.hash));
  const [typed, setTyped] = useState(null); // {token, password}: a password belongs to one link
  const [attempt, setAttempt] = useState(0); // a retry with the same password asks again
  const [state, setState] = useState({ kind: 'loading' });
  useEffect(() => {
    const onHash = () => setWhere(fromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const password = typed && typed.token === where.token ? typed.password : null;
  useEffect(() => {
    if (!where.token) return undefined;
    let current = true;
    const known = state.token === where.token ? state.root : undefined;
    open(where.token, password, where.path, known).then((s) => current && setState(s));
    return () => { current = false; };
  }, [where.token, where.path, password, attempt]);
  useEffect(() => {
    document.title = (state.root ? state.root.name : 'Shared link') + ' – Drive';
  }, [state.root]);
  const retry = (p) => {
    setState({ ...state, kind: 'loading' });
    setTyped({ token: where.token, password: p });
    setAttempt((n) => n + 1);
  };

  return html`
    <div class="link-page">
      <header class="top"><span class="brand"><span class="logo" aria-hidden="true"></span>Drive</span></header>
      <main class="content" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
        ${!where.token ? html`<${Message} title="This link is incomplete">The address should end in “#” and a long code; copy the whole link and try again.<//>`
          : html`<${Body} state=${state} where=${where} password=${password} onPassword=${retry} />`}
      </main>
    </div>`;
}

/** Reads what the page shows: the linked item (once), then the folder at path for a folder link. */
async function open(token, password, path, known) {
  const link = publicLink(token, password);
  try {
    const root = known || (await link.info());
    if (!root.folder) return { kind: 'file', token, root };
    return { kind: 'folder', token, root, listing: await link.list(path) };
  } catch (e) {
    return { kind: 'error', token, status: e.status, message: e.message, retryAfter: e.retryAfter, root: e.status === 404 && known ? known : undefined, wrong: Boolean(password) };
  }
}

function Body({ state, where, password, onPassword }) {
  if (state.kind === 'loading' || state.token !== where.token) return html`<p class="hint">Opening the link…</p>`;
  if (state.kind === 'file') return html`<${FileView} entry=${state.root} link=${publicLink(where.token, password)} hasPassword=${Boolean(password)} />`;
  if (state.kind === 'folder') {
    return html`<${FolderView} root=${state.root} listing=${state.listing} where=${where}
                  link=${publicLink(where.token, password)} hasPassword=${Boolean(password)} />`;
  }
  const { status } = state;
  if (status === 401) return html`<${PasswordForm} wrong=${state.wrong} onSubmit=${onPassword} />`;
  if (status === 410) return html`<${Message} title="This link has expired">Ask the person who shared it for a new link.<//>`;
  if (status === 429) {
    return html`<${Message} title="Too many attempts">Too many failed attempts came from your address.
      Try again ${state.retryAfter ? 'in ' + format.duration(state.retryAfter) : 'later'}.
      <button type="button" onClick=${() => onPassword(password)}>Try again</button><//>`;
  }
  if (status === 404 && state.root) {
    return html`<${Message} title="Not found">This folder is not in “${state.root.name}” (any more).
      <a class="button" href=${toHash(where.token, '/')}>Back to ${state.root.name}</a><//>`;
  }
  if (status === 404) {
    return html`<${Message} title="This link does not work">It was revoked by the person who shared it, or the address is
      incomplete. Ask them for a new link.<//>`;
  }
  return html`<${Message} title="The link could not be opened">${state.message}<//>`;
}

function Message({ title, children }) {
  return html`<div class="link-message" role="alert"><h1>${title}</h1><p>${children}</p></div>`;
}

function PasswordForm({ wrong, onSubmit }) {
  const field = useRef(null);
  useEffect(() => field.current.focus(), []);
  const submit = (e) => {
    e.preventDefault();
    const value = new FormData(e.target).get('password');
    if (value) onSubmit(value);
  };
  return html`
    <form class="link-password" onSubmit=${submit}>
      <h1>This link needs a password</h1>
      <label>Password <input ref=${field} name="password" type="password" autocomplete="off" required /></label>
      <p class="error" role="alert">${wrong ? 'Wrong password. Try again.' : ''}</p>
      <button type="submit" class="primary">Open</button>
    </form>`;
}

function FileView({ entry, link, hasPassword }) {
  return html`
    <h1 class="view-title">Shared file</h1>
    <div class="link-file">
      <span class="name-cell"><${Icon} entry=${entry} /><span class="name">${entry.name}</span></span>
      <span class="hint">${format.size(entry.size)}${entry.modified ? ' · modified ' + format.date(entry.modified) : ''}</span>
      <${Download} entry=${{ ...entry, path: '/' }} link=${link} hasPassword=${hasPassword} primary />
    </div>`;
}

function FolderView({ root, listing, where, link, hasPassword }) {
  const entries = [...listing.entries].sort((a, b) => (b.folder - a.folder) || a.name.localeCompare(b.name, undefined, { numeric: true }));
  return html`
    <h1 class="sr-only">Shared folder ${root.name}</h1>
    <div class="crumbs-row"><${Crumbs} root=${root} where=${where} />
      <${Download} entry=${{ name: where.path === '/' ? root.name : where.path.slice(where.path.lastIndexOf('/') + 1), path: where.path }}
        link=${link} hasPassword=${hasPassword} zip /></div>
    ${entries.length === 0 ? html`<p class="empty">This folder is empty.</p>` : html`
      <table class="entries public-entries">
        <thead><tr><th class="col-name">Name</th><th class="col-size">Size</th><th class="col-modified">Modified</th><th class="col-actions"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          ${entries.map((e) => html`
            <tr key=${e.path} data-name=${e.name}>
              <td class="col-name"><span class="name-cell"><${Icon} entry=${e} />${e.folder
                ? html`<a class="name" href=${toHash(where.token, e.path)}>${e.name}</a>`
                : html`<span class="name">${e.name}</span>`}</span></td>
              <td class="col-size">${e.folder ? '—' : format.size(e.size)}</td>
              <td class="col-modified">${format.date(e.modified)}</td>
              <td class="col-actions"><div class="row-actions">${e.folder ? null
                : html`<${Download} entry=${e} link=${link} hasPassword=${hasPassword} />`}</div></td>
            </tr>`)}
        </tbody>
      </table>`}`;
}

function Crumbs({ root, where }) {
  const parts = where.path.split('/').filter(Boolean);
  return html`
    <nav class="crumbs" aria-label="Folder path">
      <ol>
        <li><a href=${toHash(where.token, '/')} aria-current=${parts.length === 0 ? 'page' : undefined}>${root.name}</a></li>
        ${parts.map((name, i) => {
          const p = '/' + parts.slice(0, i + 1).join('/');
          return html`<li key=${p}><a href=${toHash(where.token, p)} aria-current=${i === parts.length - 1 ? 'page' : undefined}>${name}</a></li>`;
        })}
      </ol>
    </nav>`;
}

/**
 * A file's download (with zip: a folder's, as a ZIP) through a plain link, so the browser streams it
 * to disk. With a password the link needs a download ticket in its address (a plain link cannot send
 * the password header), asked for when the user clicks.
 */
function Download({ entry, link, hasPassword, primary, zip }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const label = 'Download ' + entry.name + (zip ? ' as ZIP' : '');
  const text = zip ? 'Download as ZIP' : 'Download';
  const saveAs = zip ? entry.name + '.zip' : entry.name;
  const url = (ticket) => (zip ? link.zipUrl(entry.path, ticket) : link.downloadUrl(entry.path, ticket));
  const cls = (zip ? 'folder-zip' : primary ? 'primary' : 'small') + (hasPassword ? '' : ' button');
  if (!hasPassword) return html`<a class=${cls} href=${url()} download=${saveAs} aria-label=${label}>${text}</a>`;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { ticket } = await link.ticket();
      const a = document.createElement('a');
      a.href = url(ticket);
      a.download = saveAs;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      setError(e.status === 410 ? 'This link has expired.' : e.status === 404 ? 'Not found: the link was revoked, or the file removed.' : e.message);
    } finally {
      setBusy(false);
    }
  };
  return html`
    <button type="button" class=${cls} aria-label=${label} disabled=${busy} onClick=${save}>${busy ? 'Preparing…' : text}</button>
    ${error ? html`<span class="error" role="alert">${error}</span>` : null}`;
}

function Icon({ entry }) {
  return html`<span class=${'icon icon-' + format.type(entry).kind} aria-hidden="true"></span>`;
}
