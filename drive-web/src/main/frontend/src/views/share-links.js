// The Links part of the Share dialog: read-only links for people without an account, each with an
// optional password and expiry. A link's address holds its token, which the server returns only
// once (when the link is made), so the new address is shown right then with a Copy link button.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { linkPageUrl, links } from '../api.js';
import { date } from '../format.js';

const EXPIRY = [
  ['', 'Never'],
  [String(86400), '1 day'],
  [String(7 * 86400), '7 days'],
  [String(30 * 86400), '30 days'],
];

export function ShareLinks({ entry }) {
  const [list, setList] = useState(null);
  const [password, setPassword] = useState('');
  const [expiry, setExpiry] = useState('');
  const [made, setMade] = useState(null); // {url, link}: the address of the link just made, shown once
  const [error, setError] = useState(null);
  const [note, setNote] = useState(null);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState(null); // 403: the caller may not make links to this item
  const load = () => links.of(entry.path).then(setList, (e) => {
    setList([]);
    if (e.status === 403) setRefused(e.message);
    else setError(e.message);
  });
  useEffect(() => { load(); }, [entry.path]);

  const create = async (e) => {
    e.preventDefault();
    setError(null);
    setNote(null);
    setBusy(true);
    try {
      const link = await links.create(entry.path, password || undefined, expiry ? Number(expiry) : undefined);
      setMade({ url: linkPageUrl(link.token), link });
      setPassword('');
      await load();
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (link) => {
    setError(null);
    try {
      await links.revoke(link.id);
      if (made && made.link.id === link.id) setMade(null);
      setNote('Link revoked: it no longer opens.');
      await load();
    } catch (err) {
      setError(err.message);
    }
  };

  return html`
    <section class="share-links" aria-labelledby="links-heading">
      <h3 id="links-heading">Links</h3>
      <p class="hint">Anyone with a link can view and download ${entry.folder ? 'this folder' : 'this file'}, without an account.</p>
      ${refused ? html`<p class="hint" role="status">You cannot make links here: ${refused}.</p>` : html`
      <form class="link-add" onSubmit=${create}>
        <label>Password (optional)
          <input type="password" name="link-password" value=${password} autocomplete="new-password"
                 onInput=${(e) => setPassword(e.target.value)} />
        </label>
        <label>Expires
          <select name="link-expiry" value=${expiry} onChange=${(e) => setExpiry(e.target.value)}>
            ${EXPIRY.map(([v, text]) => html`<option value=${v}>${v ? 'after ' + text : text}</option>`)}
          </select>
        </label>
        <button type="submit" class="primary" disabled=${busy}>Create link</button>
      </form>`}
      ${made ? html`<${NewLink} url=${made.url} link=${made.link} />` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <p class="hint" role="status">${note}</p>
      ${refused ? null : list === null ? html`<p>Loading…</p>` : list.length === 0 ? html`<p class="hint">No links.</p>` : html`
        <ul class="share-list link-list" aria-label="Links">
          ${list.map((l, i) => html`
            <li key=${l.id} data-link-id=${l.id}>
              <span class="share-user">
                <span class="link-title">Link ${i + 1}</span>
                <span class="rev-meta">${describe(l)}</span>
              </span>
              <button type="button" class="ghost small danger" aria-label=${'Revoke link ' + (i + 1)} onClick=${() => revoke(l)}>Revoke</button>
            </li>`)}
        </ul>`}
    </section>`;
}

/** The address of a link just made, selectable, with a Copy link button. */
function NewLink({ url, link }) {
  const field = useRef(null);
  const [copied, setCopied] = useState(null);
  useEffect(() => { setCopied(null); field.current.focus(); field.current.select(); }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      field.current.focus(); // no clipboard access (an insecure page, a refused permission): select it for Ctrl+C
      field.current.select();
      setCopied('Press Ctrl+C (⌘C) to copy the selected link.');
    }
  };
  return html`
    <div class="new-link">
      <label>New link — copy it now, it is shown only once
        <input ref=${field} type="text" readonly value=${url} name="link-url" spellcheck="false"
               onFocus=${(e) => e.target.select()} />
      </label>
      <div class="new-link-row">
        <button type="button" class="primary" onClick=${copy}>Copy link</button>
        <span class="hint" role="status">${copied || describe(link)}</span>
      </div>
    </div>`;
}

function describe(l) {
  const expired = l.expires && new Date(l.expires) <= new Date();
  return [
    l.password ? 'with password' : 'no password',
    l.expires ? (expired ? 'expired ' : 'expires ') + date(l.expires) : 'never expires',
    'made by ' + l.createdBy + ' ' + date(l.created),
  ].join(' · ');
}
