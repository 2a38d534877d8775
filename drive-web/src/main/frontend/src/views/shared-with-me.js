// "Shared with me": what others shared with the user, by whom and with which role; each can be added
// to (and removed from) the user's drive, where it then shows and works as a folder or file.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { shares } from '../api.js';
import * as format from '../format.js';

export function SharedWithMe({ onOpen, say, version }) {
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const load = () => shares.incoming().then((l) => { setList(l); setError(null); }, (e) => setError(e.message));
  useEffect(() => { load(); }, [version]);
  const run = async (promise, text) => {
    try {
      const s = await promise;
      say(text(s));
      load();
    } catch (e) {
      say(e.message);
    }
  };
  if (error) return html`<p class="error" role="alert">${error}</p>`;
  if (!list) return null;
  if (list.length === 0) return html`<p class="empty">Nothing is shared with you yet.</p>`;
  return html`
    <table class="entries shared">
      <caption class="sr-only">Files and folders shared with you</caption>
      <thead><tr><th scope="col" class="col-name">Name</th><th scope="col" class="col-owner">Shared by</th><th scope="col" class="col-role">Role</th><th scope="col" class="col-actions"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>
        ${list.map((s) => html`
          <tr key=${s.id} data-name=${s.name}>
            <td class="col-name"><div class="name-cell">
              <span class=${'icon icon-' + format.type(s).kind} aria-hidden="true"></span>
              ${s.mountedAt && s.folder
                ? html`<a href=${'#' + encodeURIComponent(s.mountedAt)} class="name" onClick=${(e) => { e.preventDefault(); onOpen(s.mountedAt); }}>${s.name}</a>`
                : html`<span class="name">${s.name}</span>`}
              ${s.mountedAt ? html`<span class="badge">in My Drive</span>` : null}
            </div></td>
            <td class="col-owner">${s.owner}</td>
            <td class="col-role">${s.role === 'editor' ? 'Editor' : 'Viewer'}</td>
            <td class="col-actions"><div class="row-actions">
              ${s.mountedAt
                ? html`<button type="button" aria-label=${'Remove ' + s.name + ' from My Drive'} onClick=${() => run(shares.unmount(s.id), () => '“' + s.name + '” removed from My Drive.')}>Remove from My Drive</button>`
                : html`<button type="button" aria-label=${'Add ' + s.name + ' to My Drive'} onClick=${() => run(shares.mount(s.id), (m) => '“' + s.name + '” added to My Drive at ' + m.mountedAt + '.')}>Add to My Drive</button>`}
            </div></td>
          </tr>`)}
      </tbody>
    </table>`;
}
