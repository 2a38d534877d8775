// Who has access to a file or folder: add a person (by user name) as viewer or editor, change a
// role, remove someone; below, the item's share links. The server decides who may do what; its
// refusals are shown as they come.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { shares } from '../api.js';
import { Modal } from './modal.js';
import { ShareLinks } from './share-links.js';

export function ShareDialog({ entry, onClose }) {
  const [list, setList] = useState(null);
  const [user, setUser] = useState('');
  const [role, setRole] = useState('viewer');
  const [error, setError] = useState(null);
  const [note, setNote] = useState(null);
  const load = () => shares.of(entry.path).then(setList, (e) => setError(e.message));
  useEffect(() => { load(); }, [entry.path]);
  const run = async (promise, done) => {
    setError(null);
    try {
      await promise;
      if (done) setNote(done);
      await load();
      return true;
    } catch (e) {
      setError(e.message);
      return false;
    }
  };
  const add = async (e) => {
    e.preventDefault();
    const name = user.trim();
    if (name && (await run(shares.add(entry.path, name, role), 'Shared with ' + name + ' as ' + role + '.'))) setUser('');
  };
  return html`
    <${Modal} label=${'Share ' + entry.name} onClose=${onClose}>
      <div class="dialog-form">
        <h2>Share <span class="subject">${entry.name}</span></h2>
        <form class="share-add" onSubmit=${add}>
          <label>Add a person (user name)
            <input name="user" value=${user} onInput=${(e) => setUser(e.target.value)} autocomplete="off" spellcheck="false" required />
          </label>
          <div class="field">
            <label for="share-role">Role</label>
            <select id="share-role" name="role" value=${role} onChange=${(e) => setRole(e.target.value)}>
              <option value="viewer">Viewer</option>
              <option value="editor">Editor</option>
            </select>
          </div>
          <button type="submit" class="primary">Share</button>
        </form>
        ${error ? html`<p class="error" role="alert">${error}</p>` : null}
        <p class="hint" role="status">${note}</p>
        <h3>People with access</h3>
        ${list === null ? html`<p>Loading…</p>` : list.length === 0 ? html`<p class="hint">Only you.</p>` : html`
          <ul class="share-list">
            ${list.map((s) => html`
              <li key=${s.id} data-user=${s.user}>
                <span class="share-user">${s.user}</span>
                <select aria-label=${'Role of ' + s.user} value=${s.role} onChange=${(e) => run(shares.change(s.id, e.target.value), s.user + ' is now ' + e.target.value + '.')}>
                  <option value="viewer">Viewer</option>
                  <option value="editor">Editor</option>
                </select>
                <button type="button" class="ghost small" aria-label=${'Remove ' + s.user} onClick=${() => run(shares.remove(s.id), s.user + ' no longer has access.')}>Remove</button>
              </li>`)}
          </ul>`}
        <${ShareLinks} entry=${entry} />
        <div class="buttons"><button type="button" onClick=${onClose}>Done</button></div>
      </div>
    <//>`;
}
