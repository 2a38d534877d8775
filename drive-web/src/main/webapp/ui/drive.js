// A first browser client of Drive's public API: sign in, browse folders, download, upload.
// File names are only ever inserted as text (textContent), never as HTML.
'use strict';

const state = { csrf: null, path: '/' };
const $ = (id) => document.getElementById(id);

async function api(method, url, body, headers = {}) {
  const h = { ...headers };
  if (state.csrf && method !== 'GET') h['X-CSRF-Token'] = state.csrf;
  const response = await fetch(url, { method, body, headers: h, credentials: 'same-origin' });
  const data = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error((data && data.message) || response.statusText);
  return data;
}

function show(signedIn, username) {
  $('signin').hidden = signedIn;
  $('drive').hidden = !signedIn;
  $('who').hidden = !signedIn;
  $('username').textContent = username || '';
}

function formatSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (bytes >= 1024 && i < units.length - 1) { bytes /= 1024; i++; }
  return (i === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[i];
}

function link(text, onClick, href) {
  const a = document.createElement('a');
  a.textContent = text;
  if (href) a.href = href; else a.addEventListener('click', onClick);
  return a;
}

function cell(row, content) {
  const td = row.insertCell();
  if (typeof content === 'string') td.textContent = content; else td.append(content);
}

function breadcrumbs() {
  const nav = $('breadcrumbs');
  nav.replaceChildren(link('My Drive', () => open('/')));
  let path = '';
  for (const name of state.path.split('/').filter(Boolean)) {
    path += '/' + name;
    const target = path;
    nav.append(' / ', link(name, () => open(target)));
  }
}

async function open(path) {
  state.path = path;
  breadcrumbs();
  const listing = await api('GET', '/api/files/list?path=' + encodeURIComponent(path));
  const body = $('entries');
  body.replaceChildren();
  for (const e of listing.entries) {
    const row = body.insertRow();
    const url = '/api/files/download?path=' + encodeURIComponent(e.path);
    cell(row, e.folder ? link(e.name + '/', () => open(e.path)) : link(e.name, null, url));
    cell(row, e.folder ? '' : formatSize(e.size));
    cell(row, new Date(e.modified).toLocaleString());
    cell(row, e.folder ? '' : String(e.revision));
  }
  $('empty').hidden = listing.entries.length > 0;
}

async function upload(files) {
  for (const file of files) {
    const target = (state.path === '/' ? '' : state.path) + '/' + file.name;
    $('status').textContent = 'Uploading ' + file.name + ' …';
    try {
      await api('POST', '/api/files/upload?uploadType=media&path=' + encodeURIComponent(target), file,
        { 'Content-Type': 'application/octet-stream' });
    } catch (e) {
      $('status').textContent = file.name + ': ' + e.message;
      return;
    }
  }
  $('status').textContent = files.length + ' file(s) uploaded';
  await open(state.path);
}

async function start() {
  $('signin').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const session = await api('POST', '/api/session',
        JSON.stringify({ username: form.get('username'), password: form.get('password') }),
        { 'Content-Type': 'application/json' });
      state.csrf = session.csrfToken;
      $('signin-error').textContent = '';
      show(true, session.username);
      await open('/');
    } catch (e) {
      $('signin-error').textContent = e.message;
    }
  });
  $('signout').addEventListener('click', async () => {
    await api('DELETE', '/api/session').catch(() => {});
    state.csrf = null;
    show(false);
  });
  $('upload').addEventListener('change', (event) => upload([...event.target.files]));
  try {
    const session = await api('GET', '/api/session');
    state.csrf = session.csrfToken;
    show(true, session.username);
    await open('/');
  } catch (e) {
    show(false);
  }
}

start();
