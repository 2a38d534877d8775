// A file's history: who saved each revision, when, from which device, its size; download any of
// them, or restore one as the newest revision with one click.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { downloadUrl, files } from '../api.js';
import * as format from '../format.js';
import { Modal } from './modal.js';

export function RevisionsPanel({ entry, onClose, onRestored }) {
  const [revisions, setRevisions] = useState(null);
  const [error, setError] = useState(null);
  const load = () => files.revisions(entry.path).then((r) => setRevisions(r), (e) => setError(e.message));
  useEffect(() => { load(); }, [entry.path]);
  const restore = async (revision) => {
    try {
      await files.restore(entry.path, revision);
      await load();
      onRestored(revision);
    } catch (e) {
      setError(e.message);
    }
  };
  return html`
    <${Modal} label=${'Revisions of ' + entry.name} className="side-panel" onClose=${onClose}>
      <div class="panel-head">
        <h2>Revisions <span class="subject">${entry.name}</span></h2>
        <button type="button" class="ghost" onClick=${onClose}>Close</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${revisions ? html`
        <ol class="revisions">
          ${revisions.map((r, i) => html`
            <li key=${r.revision} data-revision=${r.revision}>
              <div class="rev-main">
                <strong>Revision ${r.revision}</strong>${i === 0 ? html` <span class="badge">current</span>` : null}
                <div class="rev-meta">
                  <time datetime=${r.modified}>${format.date(r.modified)}</time> · ${r.user}${r.device ? ' · ' + r.device : ''} · ${format.size(r.size)}
                </div>
              </div>
              <div class="row-actions">
                <a class="button" href=${downloadUrl(entry.path, r.revision)} download=${entry.name} aria-label=${'Download revision ' + r.revision}>Download</a>
                ${i === 0 ? null : html`<button type="button" aria-label=${'Restore revision ' + r.revision} onClick=${() => restore(r.revision)}>Restore</button>`}
              </div>
            </li>`)}
        </ol>` : html`<p>Loading…</p>`}
    <//>`;
}
