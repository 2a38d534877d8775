// The notification bell (unread count, kept current by the page's long poll) and its list: newest
// first, unread ones marked; opening one marks it read, "Mark all read" clears the count.
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { notifications } from '../api.js';
import * as format from '../format.js';
import { Modal } from './modal.js';

export function Bell({ unread, onClick }) {
  const label = unread ? 'Notifications, ' + unread + ' unread' : 'Notifications';
  return html`
    <button type="button" class="ghost bell" aria-label=${label} title=${label} onClick=${onClick}>
      <span class="bell-icon" aria-hidden="true"></span>
      ${unread ? html`<span class="bell-count" aria-hidden="true" data-testid="unread-count">${unread > 99 ? '99+' : unread}</span>` : null}
    </button>`;
}

export function NotificationsPanel({ onClose, onChanged, version }) {
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  const load = () => notifications.list().then(setPage, (e) => setError(e.message));
  useEffect(() => { load(); }, [version]);
  const act = async (promise) => {
    try { await promise; await load(); onChanged(); } catch (e) { setError(e.message); }
  };
  return html`
    <${Modal} label="Notifications" className="side-panel" onClose=${onClose}>
      <div class="panel-head">
        <h2>Notifications</h2>
        ${page && page.unread ? html`<button type="button" class="ghost" onClick=${() => act(notifications.readAll())}>Mark all read</button>` : null}
        <button type="button" class="ghost" onClick=${onClose}>Close</button>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      ${!page ? html`<p>Loading…</p>` : page.notifications.length === 0 ? html`<p class="hint">No notifications.</p>` : html`
        <ul class="notifications">
          ${page.notifications.map((n) => html`
            <li key=${n.id} class=${n.read ? 'read' : 'unread'} data-kind=${n.kind}>
              <div class="rev-main">
                <span class="note-text">${n.text}</span>
                <div class="rev-meta"><time datetime=${n.updated || n.created}>${format.date(n.updated || n.created)}</time>${n.read ? '' : ' · unread'}</div>
              </div>
              ${n.read ? null : html`<button type="button" class="ghost small" aria-label=${'Mark read: ' + n.text} onClick=${() => act(notifications.read(n.id))}>Mark read</button>`}
            </li>`)}
        </ul>`}
    <//>`;
}
