// The small forms (new folder, rename, move, copy) and the conflict question.
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { join, parentOf } from '../api.js';
import { Modal } from './modal.js';

const FORMS = {
  newFolder: { title: 'New folder', label: 'Folder name', button: 'Create', initial: () => 'Untitled folder' },
  rename: { title: 'Rename', label: 'New name', button: 'Rename', initial: (e) => e.name },
  move: { title: 'Move', label: 'Move to folder (a path such as /Projects/2026)', button: 'Move', initial: (e) => parentOf(e.path) },
  copy: { title: 'Copy', label: 'Path of the copy', button: 'Copy', initial: (e) => join(parentOf(e.path), 'Copy of ' + e.name) },
};

export function EntryDialog({ kind, entry, onSubmit, onClose }) {
  const form = FORMS[kind];
  const [value, setValue] = useState(() => form.initial(entry));
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const v = value.trim();
    if (!v) return;
    setBusy(true);
    const ok = await onSubmit(kind, entry, v);
    setBusy(false);
    if (ok) onClose();
  };
  const selectName = (el) => {
    if (!el || el.dataset.selected) return;
    el.dataset.selected = '1';
    el.focus();
    const dot = kind === 'rename' && !entry.folder ? value.lastIndexOf('.') : -1;
    el.setSelectionRange(0, dot > 0 ? dot : value.length);
  };
  return html`
    <${Modal} label=${form.title} onClose=${onClose}>
      <form method="dialog" class="dialog-form" onSubmit=${submit}>
        <h2>${form.title}${entry ? html` <span class="subject">${entry.name}</span>` : null}</h2>
        <label>${form.label}
          <input name="value" required value=${value} ref=${selectName} onInput=${(e) => setValue(e.target.value)} autocomplete="off" spellcheck="false" />
        </label>
        <div class="buttons">
          <button type="button" class="ghost" onClick=${onClose}>Cancel</button>
          <button type="submit" class="primary" disabled=${busy}>${form.button}</button>
        </div>
      </form>
    <//>`;
}

export function ConflictDialog({ item, onChoose }) {
  return html`
    <${Modal} label="Upload conflict" className="conflict" onClose=${() => onChoose(item, null)}>
      <div class="dialog-form">
        <h2>“<span class="subject">${item.name}</span>” was changed meanwhile</h2>
        <p>Your upload was based on revision ${item.baseRevision}, but someone (or another device) saved
          revision ${item.latestRevision} in the meantime. What should happen to your version?</p>
        <div class="buttons">
          <button type="button" class="ghost" onClick=${() => onChoose(item, null)}>Don't upload</button>
          <button type="button" onClick=${() => onChoose(item, 'overwrite')}>Replace</button>
          <button type="button" class="primary" onClick=${() => onChoose(item, 'keepBoth')}>Keep both</button>
        </div>
        <p class="hint">“Keep both” saves yours as a conflicted copy next to the file; “Replace” makes yours the newest revision (the other stays in the history).</p>
      </div>
    <//>`;
}
