// Storage used against the quota (GET /api/users/me).
import { html } from 'htm/preact';
import * as format from '../format.js';

export function Storage({ me }) {
  if (!me) return null;
  const used = me.usedBytes || 0;
  return html`
    <div class="storage">
      <meter id="storage-meter" min="0" max=${me.quotaBytes} value=${used} high=${me.quotaBytes * 0.9} optimum="0" aria-label="Storage used"></meter>
      <p>${format.size(used)} of ${format.size(me.quotaBytes)} used</p>
    </div>`;
}
