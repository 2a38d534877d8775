// The folder's entries (sortable by name, size and date; folders first) and the deleted ones. The
// rows are one tab stop (a roving tabindex): arrow keys, Home and End move between rows, Enter opens,
// F2 renames, Delete deletes; Tab goes on into the focused row's link and buttons.
import { html } from 'htm/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { downloadUrl, zipUrl } from '../api.js';
import * as format from '../format.js';

export function Breadcrumbs({ path, onOpen }) {
  const parts = path.split('/').filter(Boolean);
  const go = (p) => (e) => { e.preventDefault(); onOpen(p); };
  return html`
    <nav class="crumbs" aria-label="Folder path">
      <ol>
        <li><a href="#/" aria-current=${parts.length === 0 ? 'page' : undefined} onClick=${go('/')}>My Drive</a></li>
        ${parts.map((name, i) => {
          const p = '/' + parts.slice(0, i + 1).join('/');
          return html`<li key=${p}><a href=${'#' + encodeURIComponent(p)} aria-current=${i === parts.length - 1 ? 'page' : undefined} onClick=${go(p)}>${name}</a></li>`;
        })}
      </ol>
    </nav>`;
}

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'size', label: 'Size' },
  { key: 'modified', label: 'Modified' },
];

function sorted(entries, { key, dir }) {
  const by = {
    name: (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
    size: (a, b) => a.size - b.size,
    modified: (a, b) => new Date(a.modified) - new Date(b.modified),
  }[key];
  return [...entries].sort((a, b) => (b.folder - a.folder) || dir * by(a, b) || a.name.localeCompare(b.name));
}

function Icon({ entry }) {
  const t = format.type(entry);
  return html`<span class=${'icon icon-' + t.kind} aria-hidden="true"></span>`;
}

/** Roving focus over a table's body rows: [tbody ref, index of the row in the tab order, keydown handler, row focus handler]. */
function useRows(count, onKey) {
  const body = useRef(null);
  const [active, setActive] = useState(0);
  const current = Math.max(0, Math.min(active, count - 1));
  const onKeyDown = (ev) => {
    const rows = body.current ? [...body.current.rows] : [];
    const i = rows.indexOf(ev.target.closest('tr'));
    if (i < 0) return;
    const go = (n) => { ev.preventDefault(); const k = Math.max(0, Math.min(rows.length - 1, n)); setActive(k); rows[k].focus(); };
    const onRow = ev.target === rows[i];
    if (ev.key === 'ArrowDown') go(i + 1);
    else if (ev.key === 'ArrowUp') go(i - 1);
    else if (onRow && ev.key === 'Home') go(0);
    else if (onRow && ev.key === 'End') go(rows.length - 1);
    else if (onKey(ev, i, onRow)) ev.preventDefault();
  };
  return [body, current, onKeyDown, (i) => () => setActive(i)];
}

export function FilesTable({ entries, sort, onSort, actions, onDropInto }) {
  const list = sorted(entries, sort);
  const focusFirst = useRef(false); // a folder was opened from the list: focus its first row once it is shown
  const open = (e) => { focusFirst.current = true; actions.open(e.path); };
  const [body, current, onKeyDown, onRowFocus] = useRows(list.length, (ev, i, onRow) => {
    const e = list[i];
    if (onRow && ev.key === 'Enter') {
      if (e.folder) open(e);
      else ev.target.querySelector('a.name').click();
    } else if (onRow && ev.key === 'Delete') actions.remove(e);
    else if (ev.key === 'F2') actions.rename(e);
    else return false;
    return true;
  });
  useEffect(() => {
    if (focusFirst.current && body.current && body.current.rows.length) {
      focusFirst.current = false;
      body.current.rows[0].focus();
    }
  }, [entries]);
  const header = (c) => {
    const active = sort.key === c.key;
    return html`
      <th scope="col" class=${'col-' + c.key} aria-sort=${active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'}>
        <button type="button" class="sort" onClick=${() => onSort({ key: c.key, dir: active ? -sort.dir : 1 })}>
          ${c.label}<span class="arrow" aria-hidden="true">${active ? (sort.dir > 0 ? '▲' : '▼') : ''}</span>
        </button>
      </th>`;
  };
  return html`
    <table class="entries">
      <caption class="sr-only">Files and folders, sorted by ${sort.key}. Arrow keys move between rows; Enter opens, F2 renames, Delete deletes.</caption>
      <thead><tr>${COLUMNS.map(header)}<th scope="col" class="col-actions"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody ref=${body} onKeyDown=${onKeyDown}>
        ${list.map((e, i) => {
          const tab = i === current ? 0 : -1;
          return html`
          <tr key=${e.path} class=${e.folder ? 'folder' : 'file'} data-name=${e.name} tabindex=${tab} onFocusCapture=${onRowFocus(i)}
              aria-keyshortcuts="Enter F2 Delete"
              onDragOver=${e.folder ? (ev) => { ev.preventDefault(); ev.currentTarget.classList.add('drop-target'); } : undefined}
              onDragLeave=${e.folder ? (ev) => ev.currentTarget.classList.remove('drop-target') : undefined}
              onDrop=${e.folder ? (ev) => { ev.currentTarget.classList.remove('drop-target'); onDropInto(e, ev); } : undefined}>
            <td class="col-name"><div class="name-cell">
              <${Icon} entry=${e} />
              ${e.folder
                ? html`<a href=${'#' + encodeURIComponent(e.path)} class="name" tabindex=${tab} onClick=${(ev) => { ev.preventDefault(); open(e); }}>${e.name}</a>`
                : html`<a href=${downloadUrl(e.path)} class="name" tabindex=${tab} download=${e.name} title=${'Download ' + e.name}>${e.name}</a>`}
              ${e.status === 'pending' ? html`<span class="badge">processing</span>` : null}
              ${e.status === 'failed' ? html`<span class="badge bad">upload failed</span>` : null}
            </div></td>
            <td class="col-size">${e.folder ? '—' : format.size(e.size)}</td>
            <td class="col-modified"><time datetime=${e.modified}>${format.date(e.modified)}</time></td>
            <td class="col-actions">
              <div class="row-actions">
                ${e.folder
                  ? html`<a class="button" tabindex=${tab} href=${zipUrl(e.path)} download=${e.name + '.zip'} aria-label=${'Download ' + e.name + ' as ZIP'} title="Download as ZIP">Download</a>`
                  : html`<button type="button" tabindex=${tab} aria-label=${'Revisions of ' + e.name} onClick=${() => actions.revisions(e)}>Revisions</button>`}
                <button type="button" tabindex=${tab} aria-label=${'Share ' + e.name} onClick=${() => actions.share(e)}>Share</button>
                <button type="button" tabindex=${tab} aria-label=${'Rename ' + e.name} onClick=${() => actions.rename(e)}>Rename</button>
                <button type="button" tabindex=${tab} aria-label=${'Move ' + e.name} onClick=${() => actions.move(e)}>Move</button>
                ${e.folder || e.revision > 0 ? html`<button type="button" tabindex=${tab} aria-label=${'Copy ' + e.name} onClick=${() => actions.copy(e)}>Copy</button>` : null}
                <button type="button" tabindex=${tab} class="danger" aria-label=${'Delete ' + e.name} onClick=${() => actions.remove(e)}>Delete</button>
              </div>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

export function DeletedTable({ entries, actions }) {
  const [body, current, onKeyDown, onRowFocus] = useRows(entries.length, () => false);
  return html`
    <table class="entries deleted">
      <caption class="sr-only">Deleted files and folders in this folder. Arrow keys move between rows.</caption>
      <thead><tr><th scope="col" class="col-name">Name</th><th scope="col" class="col-size">Size</th><th scope="col" class="col-modified">Deleted</th><th scope="col" class="col-actions"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody ref=${body} onKeyDown=${onKeyDown}>
        ${entries.map((e, i) => html`
          <tr key=${e.path + e.deleted} data-name=${e.name} tabindex=${i === current ? 0 : -1} onFocusCapture=${onRowFocus(i)}>
            <td class="col-name"><div class="name-cell"><${Icon} entry=${e} /><span class="name">${e.name}</span></div></td>
            <td class="col-size">${e.folder ? '—' : format.size(e.size)}</td>
            <td class="col-modified"><time datetime=${e.deleted}>${format.date(e.deleted)}</time></td>
            <td class="col-actions"><div class="row-actions">
              <button type="button" tabindex=${i === current ? 0 : -1} aria-label=${'Restore ' + e.name} onClick=${() => actions.undelete(e)}>Restore</button>
            </div></td>
          </tr>`)}
      </tbody>
    </table>`;
}
