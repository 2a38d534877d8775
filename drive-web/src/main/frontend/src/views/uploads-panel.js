// The uploads in progress: overall progress, and per file a bar with speed and time left, pause,
// resume and cancel; an upload kept from before a reload whose file was not kept asks for it again.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import * as format from '../format.js';

const STATE_TEXT = { queued: 'Waiting', hashing: 'Checking', uploading: 'Uploading', conflict: 'Waiting for your answer',
  paused: 'Paused', refused: 'Not uploaded', needsFile: 'Interrupted: choose the file again to continue', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };
const PAUSABLE = ['queued', 'uploading', 'hashing'];

export function UploadsPanel({ uploads }) {
  const [collapsed, setCollapsed] = useState(false);
  const t = uploads.totals;
  if (t.count === 0) return null;
  const percent = t.size ? Math.floor((100 * t.loaded) / t.size) : 100;
  const sending = uploads.items.filter((i) => ['queued', 'uploading', 'hashing', 'conflict'].includes(i.state)).length;
  const paused = t.waiting ? t.waiting + ' paused' : '';
  const title = t.running ? 'Uploading ' + sending + ' item(s)' + (paused ? ', ' + paused : '') : paused ? 'Uploads: ' + paused : 'Uploads finished';
  const canPause = uploads.items.some((i) => PAUSABLE.includes(i.state));
  const canResume = uploads.items.some((i) => i.state === 'paused');
  return html`
    <section class="uploads" aria-label="Uploads">
      <div class="uploads-head">
        <h2>${title}</h2>
        <button type="button" class="ghost" aria-expanded=${!collapsed} onClick=${() => setCollapsed(!collapsed)}>${collapsed ? 'Show' : 'Hide'}</button>
        ${t.running || t.waiting
          ? html`<button type="button" class="ghost" onClick=${() => uploads.cancelAll()}>Cancel all</button>`
          : html`<button type="button" class="ghost" onClick=${() => uploads.clearFinished()}>Close</button>`}
      </div>
      <div class="overall">
        <progress max="100" value=${percent} aria-label="Overall progress" data-testid="overall-progress"></progress>
        <div class="overall-line">
          <span class="numbers">${percent}% · ${format.size(t.loaded)} of ${format.size(t.size)}${t.running && t.speed ? ' · ' + format.size(t.speed) + '/s · ' + format.duration(t.eta) + ' left' : ''}</span>
          ${canPause ? html`<button type="button" class="ghost small" onClick=${() => uploads.pauseAll()}>Pause all</button>` : null}
          ${canResume ? html`<button type="button" class="ghost small" onClick=${() => uploads.resumeAll()}>Resume all</button>` : null}
        </div>
      </div>
      ${collapsed ? null : html`
        <ul class="upload-list">
          ${uploads.items.map((i) => html`<${Row} key=${i.id} item=${i} uploads=${uploads} />`)}
        </ul>`}
    </section>`;
}

function Row({ item, uploads }) {
  const percent = item.state === 'hashing'
    ? Math.floor((100 * (item.hashed || 0)) / Math.max(1, item.size))
    : item.size ? Math.floor((100 * item.loaded) / item.size) : item.state === 'done' ? 100 : 0;
  const active = ['queued', 'uploading', 'hashing', 'conflict', 'paused', 'needsFile'].includes(item.state);
  const [wrongFile, setWrongFile] = useState(false);
  let detail = STATE_TEXT[item.state];
  if (item.state === 'uploading' && item.retrying) detail = 'Connection lost, resuming…';
  else if (item.state === 'uploading' && item.restored && !item.speed) detail = 'Resuming where it stopped…';
  else if (item.state === 'needsFile' && wrongFile) detail = 'That is not the same file (name, size and date must match)';
  else if (item.state === 'uploading' && item.speed) detail = format.size(item.speed) + '/s · ' + format.duration(item.eta) + ' left';
  else if (item.state === 'hashing') detail = 'Checking which parts the server already has…';
  else if (item.state === 'failed') detail = 'Failed: ' + item.error;
  else if (item.state === 'refused') detail = 'Not uploaded: ' + item.error;
  else if (item.state === 'done' && item.sentBytes !== undefined) detail = 'Done · sent ' + format.size(item.sentBytes) + ' of ' + format.size(item.size);
  return html`
    <li class=${'upload ' + item.state} data-state=${item.state} data-name=${item.name}>
      <div class="upload-line">
        <span class="upload-name" title=${item.path}>${item.name}</span>
        <span class="upload-size">${format.size(item.size)}</span>
        ${PAUSABLE.includes(item.state) ? html`<button type="button" class="ghost small" aria-label=${'Pause upload of ' + item.name} onClick=${() => uploads.pause(item.id)}>Pause</button>` : null}
        ${item.state === 'paused' ? html`<button type="button" class="ghost small" aria-label=${'Resume upload of ' + item.name} onClick=${() => uploads.resume(item.id)}>Resume</button>` : null}
        ${item.state === 'needsFile' ? html`<label class="button small">Choose file<input type="file" aria-label=${'Choose ' + item.name + ' again to continue its upload'}
            onChange=${(e) => { const f = e.target.files[0]; e.target.value = ''; if (f) setWrongFile(!uploads.supplyFile(item.id, f)); }} /></label>` : null}
        ${active ? html`<button type="button" class="ghost small" aria-label=${'Cancel upload of ' + item.name} onClick=${() => uploads.cancel(item.id)}>Cancel</button>` : null}
      </div>
      <progress max="100" value=${item.state === 'done' ? 100 : percent} aria-label=${'Progress of ' + item.name}></progress>
      <div class="upload-detail">${item.state === 'refused' ? '' : percent + '% · '}${detail}</div>
    </li>`;
}
