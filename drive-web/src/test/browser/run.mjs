// Drive's web UI in Debian's Chromium (headless, through playwright-core), against a running Drive:
//   node run.mjs <https-url> <admin-password>
// Prints "passed: …" or "FAILED: …" per test and a summary; exits non-zero on any failure.
// Screenshots of the main screens go to drive-web/target/browser-screenshots/ (or $SCREENSHOTS).
import { chromium, request as http } from 'playwright-core';
import { unzipSync } from 'fflate';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [url, password] = process.argv.slice(2);
if (!url || !password) {
  console.error('usage: node run.mjs <https-url> <admin-password>');
  process.exit(2);
}
const base = url.replace(/\/$/, '');
const shots = process.env.SCREENSHOTS || fileURLToPath(new URL('../../../target/browser-screenshots/', import.meta.url));
mkdirSync(shots, { recursive: true });
const run = '/browser-test ' + new Date().toISOString().replace(/[:.]/g, '-');
const MiB = 1024 * 1024;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true });
const api = await http.newContext({ baseURL: base, ignoreHTTPSErrors: true, httpCredentials: { username: 'admin', password } });

async function apiUpload(path, body, params = {}) {
  const query = new URLSearchParams({ uploadType: 'media', path, ...params });
  const r = await api.post('/api/files/upload?' + query, { data: body, headers: { 'Content-Type': 'application/octet-stream' } });
  if (r.status() !== 201) throw new Error('upload of ' + path + ': ' + r.status() + ' ' + (await r.text()));
  return r.json();
}
async function apiDownload(path) {
  const r = await api.get('/api/files/download?' + new URLSearchParams({ path }));
  if (!r.ok()) throw new Error('download of ' + path + ': ' + r.status());
  return r.body();
}

const openPages = new Set(); // a failed test's pages are photographed, then closed

async function newPage({ width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width, height } });
  await context.addInitScript(() => { // Content-Security-Policy violations, checked by some tests
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/status of (401|404|409)/.test(m.text()) && errors.push(m.text()));
  page.errors = errors;
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

async function signIn(page, folder = run, user = 'admin', secret = password) {
  await page.goto(base + '/');
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Folder path' }).waitFor();
  if (folder !== '/') await page.goto(base + '/#' + encodeURIComponent(folder));
  await page.locator('.crumbs [aria-current=page]').filter({ hasText: folder.slice(folder.lastIndexOf('/') + 1) }).waitFor();
  return page;
}

/** A file on disk for a file input: Playwright sends a path at once, a buffer slowly (through the protocol). */
function localFile(name, content) {
  const path = join(mkdtempSync(join(tmpdir(), 'drive-bt-')), name);
  writeFileSync(path, content);
  return path;
}

const rowByName = (page, name) => page.locator('table.entries tbody tr').filter({ has: page.getByText(name, { exact: true }) });
const shot = (page, name) => page.screenshot({ path: join(shots, name + '.png') });

async function uploadsFinished(page) {
  await page.getByRole('heading', { name: 'Uploads finished' }).waitFor({ timeout: 60_000 });
  const overall = await page.getByTestId('overall-progress').getAttribute('value');
  if (overall !== '100') throw new Error('overall progress ended at ' + overall + '%');
  const failed = await page.locator('.upload[data-state=failed] .upload-detail').allTextContents();
  if (failed.length) throw new Error('failed uploads: ' + failed.join('; '));
}

// ---- the tests ----
const tests = [];
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const test = (name, fn) => (!only || only.test(name)) && tests.push({ name, fn });

test('sign in, and a wrong password is refused', async () => {
  const r = await api.post('/api/files/create_folder', { data: { path: run } });
  if (r.status() !== 201) throw new Error('create_folder ' + r.status());
  const page = await newPage();
  await page.goto(base + '/');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong username or password' }).waitFor();
  await shot(page, '01-sign-in');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByText(/of 10 GB used/).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.context().close();
});

test('a folder of files uploaded with the folder picker: progress reaches 100%, files listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'drive-bt-'));
  const album = join(dir, 'album');
  mkdirSync(join(album, 'raw'), { recursive: true });
  writeFileSync(join(album, 'notes.txt'), 'holiday notes\n');
  writeFileSync(join(album, 'photo-1.jpg'), Buffer.alloc(3 * MiB, 7));
  writeFileSync(join(album, 'raw', 'photo-1.cr2'), Buffer.alloc(2 * MiB, 9));
  const page = await signIn(await newPage());
  await page.getByTestId('folder-input').setInputFiles(album);
  await uploadsFinished(page);
  await shot(page, '03-uploads-done');
  await rowByName(page, 'album').waitFor();
  await page.getByRole('link', { name: 'album', exact: true }).click();
  for (const name of ['notes.txt', 'photo-1.jpg', 'raw']) await rowByName(page, name).waitFor();
  await page.getByRole('link', { name: 'raw', exact: true }).click();
  await rowByName(page, 'photo-1.cr2').waitFor();
  if ((await apiDownload(run + '/album/raw/photo-1.cr2')).length !== 2 * MiB) throw new Error('wrong size stored');
  await page.context().close();
});

test('a folder downloads as a ZIP holding its files', async () => {
  const page = await signIn(await newPage());
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download album as ZIP' }).click()]);
  if (download.suggestedFilename() !== 'album.zip') throw new Error('saved as ' + download.suggestedFilename());
  const entries = unzipSync(readFileSync(await download.path()));
  const names = Object.keys(entries).sort().join(', ');
  if (names !== 'album/, album/notes.txt, album/photo-1.jpg, album/raw/, album/raw/photo-1.cr2') throw new Error('ZIP holds ' + names);
  if (Buffer.from(entries['album/notes.txt']).toString() !== 'holiday notes\n') throw new Error('notes.txt differs');
  if (!Buffer.from(entries['album/raw/photo-1.cr2']).equals(Buffer.alloc(2 * MiB, 9))) throw new Error('photo-1.cr2 differs');
  await page.getByRole('link', { name: 'album', exact: true }).click();
  await rowByName(page, 'notes.txt').waitFor();
  const [inside] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download album as ZIP' }).click()]); // the open folder's own button
  if (inside.suggestedFilename() !== 'album.zip') throw new Error('the open folder downloads as something else');
  await page.context().close();
});

test('files dropped on the page are uploaded with per-file progress', async () => {
  const page = await signIn(await newPage());
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['dropped one\n'], 'dropped-1.txt', { type: 'text/plain' }));
    dt.items.add(new File([new Uint8Array(1024 * 1024)], 'dropped-2.bin'));
    return dt;
  });
  await page.dispatchEvent('.app', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.locator('.dragging .drop-hint').waitFor();
  await shot(page, '02-drop-files');
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  await uploadsFinished(page);
  await rowByName(page, 'dropped-1.txt').waitFor();
  await rowByName(page, 'dropped-2.bin').waitFor();
  if ((await page.locator('.upload[data-state=done] progress[value="100"]').count()) !== 2) throw new Error('per-file bars not at 100%');
  await page.context().close();
});

test('two sessions of one user: an upload in one appears in the other without reload', async () => {
  const [a, b] = [await signIn(await newPage()), await signIn(await newPage())];
  await b.waitForTimeout(500); // b's long poll is being held
  const started = Date.now();
  await a.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name: 'live.txt', mimeType: 'text/plain', buffer: Buffer.from('live!\n') });
  await rowByName(b, 'live.txt').waitFor({ timeout: 5000 });
  const ms = Date.now() - started;
  await shot(b, '04-live-update-other-session');
  console.log('  (appeared in the other session ' + ms + ' ms after the upload started)');
  await a.context().close();
  await b.context().close();
});

test('revisions panel: restore an old revision with one click', async () => {
  await apiUpload(run + '/report.txt', 'first draft\n');
  await apiUpload(run + '/report.txt', 'second draft, worse\n');
  const page = await signIn(await newPage());
  await page.getByRole('button', { name: 'Revisions of report.txt' }).click();
  const panel = page.getByRole('dialog', { name: 'Revisions of report.txt' });
  await panel.locator('li[data-revision="2"]').waitFor();
  await panel.getByText('admin').first().waitFor();
  await shot(page, '05-revisions');
  await panel.getByRole('button', { name: 'Restore revision 1' }).click();
  await panel.locator('li[data-revision="3"]').waitFor();
  const href = await panel.getByRole('link', { name: 'Download revision 1' }).getAttribute('href');
  if (!href.includes('revision=1')) throw new Error('download link ' + href);
  const now = (await apiDownload(run + '/report.txt')).toString();
  if (now !== 'first draft\n') throw new Error('after restore the file holds ' + JSON.stringify(now));
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.context().close();
});

test('conflict dialog: an upload based on a stale revision offers keep both', async () => {
  const page = await newPage();
  await page.route('**/api/changes/longpoll**', () => {}); // this device hears of no changes meanwhile
  await apiUpload(run + '/plan.txt', 'v1\n');
  await signIn(page);
  await rowByName(page, 'plan.txt').waitFor();
  await apiUpload(run + '/plan.txt', 'v2 from another device\n'); // now revision 2; the page still shows 1
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from('v2 from this browser\n') });
  const dialog = page.getByRole('dialog', { name: 'Upload conflict' });
  await dialog.waitFor();
  await shot(page, '06-conflict-dialog');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await uploadsFinished(page);
  await page.getByText(/^plan \(conflicted copy .*\)\.txt$/).waitFor();
  if ((await apiDownload(run + '/plan.txt')).toString() !== 'v2 from another device\n') throw new Error('the other device\'s revision was replaced');
  await page.context().close();
});

test('the XSS file name is shown as text: no dialog, no img element', async () => {
  const name = '<img src=x onerror=alert(1)>.txt';
  const page = await signIn(await newPage());
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('x') });
  await uploadsFinished(page);
  await page.locator('table.entries').getByText(name, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Rename ' + name }).click();
  await page.getByRole('dialog', { name: 'Rename' }).getByText(name).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Revisions of ' + name }).click();
  await page.getByRole('dialog', { name: 'Revisions of ' + name }).locator('li').first().waitFor();
  await page.waitForTimeout(300);
  const images = await page.locator('img').count();
  if (dialogs || images) throw new Error(dialogs + ' dialog(s) fired, ' + images + ' img element(s)');
  await page.context().close();
});

test('create folder, rename, delete, restore from Deleted files', async () => {
  const page = await signIn(await newPage());
  await page.getByRole('button', { name: 'New folder' }).click();
  const create = page.getByRole('dialog', { name: 'New folder' });
  await create.getByLabel('Folder name').fill('Plans');
  await create.getByRole('button', { name: 'Create' }).click();
  await rowByName(page, 'Plans').waitFor();
  await page.getByRole('button', { name: 'Rename Plans' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename' });
  await rename.getByLabel('New name').fill('Plans 2026');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await rowByName(page, 'Plans 2026').waitFor();
  await shot(page, '07-folder');
  await page.getByRole('button', { name: 'Delete Plans 2026' }).click();
  await page.getByRole('status').getByText('moved to Deleted files').waitFor();
  await rowByName(page, 'Plans 2026').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Deleted files' }).click();
  await rowByName(page, 'Plans 2026').waitFor();
  await shot(page, '08-deleted-files');
  await page.getByRole('button', { name: 'Restore Plans 2026' }).click();
  await rowByName(page, 'Plans 2026').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'My Drive' }).first().click();
  await rowByName(page, 'Plans 2026').waitFor();
  await page.context().close();
});

test('a large file goes resumably and survives a dropped connection', async () => {
  const size = 16 * MiB + 12345;
  const page = await signIn(await newPage());
  let failedOnce = false;
  let statusQueries = 0;
  page.on('request', (r) => { if ((r.headers()['content-range'] || '').startsWith('bytes */')) statusQueries++; });
  const sessions = (u) => u.searchParams.has('upload_id');
  await page.route(sessions, async (route) => { // intercepted until the second chunk's connection is dropped once
    if (!failedOnce && (route.request().headers()['content-range'] || '').startsWith('bytes 8388608-')) {
      failedOnce = true;
      await route.abort('connectionreset');
      return page.unroute(sessions);
    }
    return route.continue();
  });
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(localFile('big.bin', Buffer.alloc(size, 42)));
  await uploadsFinished(page);
  await rowByName(page, 'big.bin').waitFor();
  if (!failedOnce || statusQueries < 1) throw new Error('no dropped connection / status query (' + failedOnce + ', ' + statusQueries + ')');
  const stored = await apiDownload(run + '/big.bin');
  if (stored.length !== size || stored.some((b) => b !== 42)) throw new Error('stored content differs');
  await page.context().close();
});

test('uploads survive a page reload: running ones resume from the server\'s offset, paused ones stay paused, cancel works after it', async () => {
  const pattern = (n, seed) => { const b = Buffer.alloc(n); for (let i = 0; i < n; i += 4) b.writeUInt32LE((Math.imul(i + seed, 2654435761) >>> 0), i); return b; };
  const files = { 'reload-a.bin': pattern(32 * MiB + 8, 1), 'reload-b.bin': pattern(24 * MiB + 4, 2), 'reload-c.bin': pattern(100_000, 3) };
  const page = await signIn(await newPage());
  const nameOf = new Map(); // upload_id -> file name, from the resumable sessions' answers
  const chunks = []; // {name, afterReload, from, to} from each chunk's Content-Range
  const statusQueries = [];
  let reloaded = false;
  page.on('response', async (r) => {
    if (r.request().method() === 'POST' && r.url().includes('uploadType=resumable') && r.headers().location) {
      nameOf.set(new URL(r.headers().location, base).searchParams.get('upload_id'), JSON.parse(r.request().postData()).path.split('/').pop());
    }
  });
  page.on('request', (r) => {
    if (r.method() !== 'PUT' || !r.url().includes('upload_id=')) return;
    const name = nameOf.get(new URL(r.url()).searchParams.get('upload_id'));
    const range = r.headers()['content-range'] || '';
    const m = /^bytes (\d+)-(\d+)\//.exec(range);
    if (m) chunks.push({ name, afterReload: reloaded, from: Number(m[1]), to: Number(m[2]) });
    else if (range.startsWith('bytes */') && reloaded) statusQueries.push(name);
  });
  // Chunks past these offsets wait until the step that should stop them (b's pause, the reload) has
  // happened, so neither upload can finish first on a slow machine; what a reload does to a chunk the
  // server is still committing is ResumableUploadHttpIT's concern.
  let paused; const pausedB = new Promise((resolve) => { paused = resolve; });
  let left; const leftPage = new Promise((resolve) => { left = resolve; });
  const holdFrom = { 'reload-a.bin': [16 * MiB, leftPage], 'reload-b.bin': [8 * MiB, pausedB] };
  await page.route((u) => u.searchParams.has('upload_id'), async (route) => {
    const name = nameOf.get(new URL(route.request().url()).searchParams.get('upload_id'));
    const m = /^bytes (\d+)-/.exec(route.request().headers()['content-range'] || '');
    if (m && holdFrom[name] && Number(m[1]) >= holdFrom[name][0]) await holdFrom[name][1];
    await route.continue().catch(() => {}); // a request the page gave up meanwhile
  });
  const acknowledged = (name, bytes) => page.waitForResponse((r) => r.status() === 308 && nameOf.get(new URL(r.url()).searchParams.get('upload_id')) === name
    && (r.headers().range || '') === 'bytes=0-' + (bytes - 1), { timeout: 60_000 });
  const row = (name) => page.locator('.upload[data-name="' + name + '"]');
  const ackA = acknowledged('reload-a.bin', 16 * MiB);
  const ackB = acknowledged('reload-b.bin', 8 * MiB);
  ackA.catch(() => {});
  ackB.catch(() => {});
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(Object.entries(files).map(([name, content]) => localFile(name, content)));
  await page.getByRole('button', { name: 'Pause upload of reload-c.bin' }).click(); // still waiting its turn
  await ackB;
  await page.getByRole('button', { name: 'Pause upload of reload-b.bin' }).click();
  await row('reload-b.bin').and(page.locator('[data-state=paused]')).waitFor();
  paused();
  await ackA;
  page.once('framenavigated', () => { reloaded = true; left(); }); // requests from here on come from the new page
  await page.reload();
  await page.getByRole('heading', { name: 'Uploading 1 item(s), 2 paused' }).waitFor();
  await row('reload-b.bin').and(page.locator('[data-state=paused]')).waitFor();
  await row('reload-c.bin').and(page.locator('[data-state=paused]')).waitFor();
  await page.locator('main.content[aria-busy=false]').waitFor();
  await shot(page, '11-uploads-after-reload');
  await page.getByRole('button', { name: 'Cancel upload of reload-c.bin' }).click();
  await page.getByRole('button', { name: 'Resume upload of reload-b.bin' }).click();
  await uploadsFinished(page);
  for (const [name, min] of [['reload-a.bin', 16 * MiB], ['reload-b.bin', 8 * MiB]]) {
    const after = chunks.filter((c) => c.name === name && c.afterReload);
    const bytes = after.reduce((sum, c) => sum + c.to - c.from + 1, 0);
    if (!statusQueries.includes(name)) throw new Error(name + ': no status query after the reload');
    if (!after.length || after[0].from < min) throw new Error(name + ': after the reload it restarted at ' + (after[0] && after[0].from));
    if (bytes >= files[name].length) throw new Error(name + ': ' + bytes + ' bytes sent after the reload, the whole file is ' + files[name].length);
    if (!(await apiDownload(run + '/' + name)).equals(files[name])) throw new Error(name + ': stored content differs');
    console.log('  (' + name + ': ' + bytes + ' of ' + files[name].length + ' bytes sent after the reload)');
  }
  if (chunks.some((c) => c.name === 'reload-c.bin') || (await api.get('/api/files/info?path=' + encodeURIComponent(run + '/reload-c.bin'))).status() !== 404) {
    throw new Error('the cancelled upload was sent');
  }
  await page.reload(); // nothing left to take up
  await rowByName(page, 'reload-a.bin').waitFor();
  await page.waitForTimeout(500);
  if (await page.locator('section.uploads').count()) throw new Error('finished or cancelled uploads came back after a reload');
  await page.context().close();
});

test('re-uploading a large file the server has sends < 1% of its bytes (delta upload)', async () => {
  const size = 24 * MiB;
  const content = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) content.writeUInt32LE((Math.imul(i, 2654435761) ^ (i >>> 7)) >>> 0, i);
  await apiUpload(run + '/video.mp4', content);
  const page = await signIn(await newPage());
  await rowByName(page, 'video.mp4').waitFor();
  let sent = 0;
  page.on('request', (r) => { sent += (r.postDataBuffer() || Buffer.alloc(0)).length; }); // every request body: commits, blocks, uploads
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(localFile('video.mp4', content));
  await uploadsFinished(page);
  await page.locator('.upload[data-state=done]').getByText(/sent 0 B of/).waitFor();
  if (sent > size / 100) throw new Error(sent + ' bytes sent');
  const revisions = await (await api.get('/api/files/list_revisions?' + new URLSearchParams({ path: run + '/video.mp4' }))).json();
  if (revisions[0].revision !== 2) throw new Error('no new revision: ' + JSON.stringify(revisions[0]));
  console.log('  (' + sent + ' bytes of ' + size + ' sent)');
  await page.context().close();
});

test('the quota and the file size limit are checked before a byte is sent, with a clear message', async () => {
  const user = 'bt-quota-' + Date.now();
  const created = await api.post('/api/users', { data: { username: user, password: 'quota-test-password', email: user + '@example.test', quotaBytes: 3 * MiB } });
  if (created.status() !== 201) throw new Error('user not created: ' + created.status());
  const page = await signIn(await newPage(), '/', user, 'quota-test-password');
  await page.getByText('0 B of 3.0 MB used').waitFor();
  const sent = [];
  page.on('request', (r) => r.url().includes('/api/files/upload') && sent.push(r.url()));
  const huge = localFile('huge.iso', '');
  const fd = openSync(huge, 'r+');
  ftruncateSync(fd, 10 * 1024 ** 3 + 1); // sparse: 10 GiB + 1 byte that take no disk space
  closeSync(fd);
  await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles([localFile('fits.bin', Buffer.alloc(2 * MiB, 1)), localFile('too-much.bin', Buffer.alloc(2 * MiB, 2)), huge]);
  await page.getByRole('status').getByText('2 of 3 files were not uploaded').waitFor();
  await uploadsFinished(page);
  await page.locator('.upload[data-state=refused][data-name="too-much.bin"]').getByText('Not uploaded: needs 2.0 MB, but only 1.0 MB of your 3.0 MB storage is free').waitFor();
  await page.locator('.upload[data-state=refused][data-name="huge.iso"]').getByText('Not uploaded: larger than 10 GB, the most a single file may have').waitFor();
  await shot(page, '12-quota-refused');
  await rowByName(page, 'fits.bin').waitFor();
  if (sent.length !== 1 || !sent[0].includes('fits.bin')) throw new Error('requests sent: ' + sent.join(', '));
  await page.context().close();
});

test('keyboard: the file list (one tab stop, arrow keys, Enter, F2, Delete) and dialogs work without a mouse', async () => {
  await apiUpload(run + '/keys-1.txt', 'one\n');
  await apiUpload(run + '/keys-2.txt', 'two\n');
  const page = await signIn(await newPage());
  await rowByName(page, 'album').waitFor();
  await rowByName(page, 'keys-2.txt').waitFor();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    const row = a.closest('tr');
    return (a.tagName === 'TR' ? 'row' : a.getAttribute('aria-label') || a.textContent.trim()) + (row ? '@' + row.dataset.name : '');
  });
  const expect = async (what) => {
    const now = await focused();
    if (now !== what) throw new Error('expected the focus on ' + what + ', it is on ' + now.replace(/\s+/g, ' ').slice(0, 80));
  };
  const names = await page.locator('table.entries tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.name));
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Tab');
  await expect('Skip to the file list');
  await page.keyboard.press('Enter');
  await expect('row@' + names[0]);
  await page.keyboard.press('ArrowDown');
  await expect('row@' + names[1]);
  await page.keyboard.press('End');
  await expect('row@' + names[names.length - 1]);
  await page.keyboard.press('Home');
  await expect('row@' + names[0]);
  const stops = await page.locator('table.entries tbody [tabindex="0"]').evaluateAll((els) => [...new Set(els.map((e) => e.closest('tr').dataset.name))]);
  if (stops.join() !== names[0]) throw new Error('tab stops in rows ' + stops.join(', '));
  for (let i = 0; i < names.indexOf('album'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter'); // opens the folder; its first row takes the focus
  await page.locator('.crumbs [aria-current=page]').filter({ hasText: 'album' }).waitFor();
  await page.waitForFunction(() => document.activeElement.dataset.name === 'raw');
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Rename' });
  await rename.getByLabel('New name').waitFor();
  await page.waitForFunction(() => document.activeElement.name === 'value' && document.activeElement.value === 'raw'
    && document.activeElement.selectionEnd === 3); // the name field has the focus, the name selected
  await page.keyboard.type('raw files');
  await page.keyboard.press('Enter');
  await rowByName(page, 'raw files').waitFor();
  await rowByName(page, 'notes.txt').focus();
  await page.keyboard.press('Delete');
  await page.getByRole('status').getByText('moved to Deleted files').waitFor();
  await rowByName(page, 'notes.txt').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await rowByName(page, 'notes.txt').waitFor();
  await rowByName(page, 'photo-1.jpg').focus();
  await page.keyboard.press('Tab');
  await expect('photo-1.jpg@photo-1.jpg');
  await page.keyboard.press('Tab');
  await expect('Revisions of photo-1.jpg@photo-1.jpg');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Revisions of photo-1.jpg' });
  await panel.locator('li').first().waitFor();
  if (!(await page.evaluate(() => Boolean(document.activeElement.closest('dialog'))))) throw new Error('focus is not in the dialog');
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-label') === 'Revisions of photo-1.jpg', null, { timeout: 2000 })
    .catch(() => expect('Revisions of photo-1.jpg@photo-1.jpg')); // focus is back on the button that opened the dialog
  const csp = await page.evaluate(() => window.cspViolations);
  if (csp.length) throw new Error('Content-Security-Policy violations: ' + csp.join('; '));
  await page.context().close();
});

test('sharing: a folder shared with a second user appears live in their notification bell and in Shared with me', async () => {
  const bob = 'bt-bob-' + Date.now();
  const created = await api.post('/api/users', { data: { username: bob, password: 'bob-test-password', email: bob + '@example.test' } });
  if (created.status() !== 201) throw new Error('user not created: ' + created.status());
  await apiUpload(run + '/Team plans/roadmap.txt', 'Q1: ship it\n');
  const owner = await signIn(await newPage());
  const other = await signIn(await newPage(), '/', bob, 'bob-test-password');
  await other.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  await other.waitForTimeout(500); // its long poll is being held
  await owner.getByRole('button', { name: 'Share Team plans' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Share Team plans' });
  await dialog.getByLabel('Add a person (user name)').fill(bob);
  await dialog.getByLabel('Role', { exact: true }).selectOption('editor');
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await dialog.locator('li[data-user="' + bob + '"]').waitFor();
  if ((await dialog.getByLabel('Role of ' + bob).inputValue()) !== 'editor') throw new Error('not shared as editor');
  await shot(owner, '13-share-dialog');
  await other.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: 10_000 }); // no reload
  console.log('  (the bell showed it ' + (Date.now() - started) + ' ms after the share)');
  await other.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  const panel = other.getByRole('dialog', { name: 'Notifications' });
  await panel.getByText('Team plans shared with you by admin').waitFor();
  await shot(other, '14-notifications');
  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await other.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  await other.keyboard.press('Escape');
  await other.getByRole('link', { name: 'Shared with me' }).click();
  const shared = rowByName(other, 'Team plans');
  await shared.getByText('admin').waitFor();
  await shared.getByText('Editor').waitFor();
  await other.getByRole('button', { name: 'Add Team plans to My Drive' }).click();
  await shared.getByText('in My Drive').waitFor();
  await shot(other, '15-shared-with-me');
  await other.getByRole('link', { name: 'Team plans', exact: true }).click();
  await rowByName(other, 'roadmap.txt').waitFor();
  await owner.context().close();
  await other.context().close();
});

let linkUrl = null; // the password link of the first share-link test, revoked by the second

/** No sign-in and no account controls on the public link page, and nothing the CSP refused. */
async function publicPageClean(page) {
  const account = await page.getByRole('button', { name: /Sign in|Sign out|Notifications/ }).count()
    + await page.getByLabel('Username').count();
  if (account) throw new Error('the public link page shows account controls');
  const csp = await page.evaluate(() => window.cspViolations);
  if (csp.length) throw new Error('Content-Security-Policy violations: ' + csp.join('; '));
}

test('share links: a link with a password and a 1-day expiry made in the Share dialog, opened without an account', async () => {
  const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 9)) & 255));
  await apiUpload(run + '/Link folder/readme.txt', 'read me first\n');
  await apiUpload(run + '/Link folder/inner/data.bin', data);
  const owner = await signIn(await newPage());
  await owner.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await owner.getByRole('button', { name: 'Share Link folder' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Share Link folder' });
  await dialog.getByText('No links.').waitFor();
  await dialog.getByLabel('Password (optional)').fill('open sesame');
  await dialog.getByLabel('Expires').selectOption({ label: 'after 1 day' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const field = dialog.getByLabel(/^New link/);
  await field.waitFor();
  linkUrl = await field.inputValue();
  if (!(await field.evaluate((f) => f === document.activeElement))) throw new Error('the new link does not have the focus');
  if (!new RegExp('^' + base.replace(/[.]/g, '\\.') + '/s/#[A-Za-z0-9_-]{43}$').test(linkUrl)) throw new Error('link address ' + linkUrl);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await dialog.getByText('Link copied.').waitFor();
  const copied = await owner.evaluate(() => navigator.clipboard.readText());
  if (copied !== linkUrl) throw new Error('the clipboard holds ' + copied);
  const listed = dialog.locator('li[data-link-id]');
  await listed.filter({ hasText: 'with password' }).filter({ hasText: 'expires' }).waitFor();
  const [link] = await (await api.get('/api/links?' + new URLSearchParams({ path: run + '/Link folder' }))).json();
  const inHours = (new Date(link.expires) - Date.now()) / 3600_000;
  if (!link.password || inHours < 23.9 || inHours > 24) throw new Error('link made as ' + JSON.stringify(link));
  await dialog.locator('.share-links').screenshot({ path: join(shots, '16-share-links.png') });

  const visitor = await newPage(); // a new browser context: no session, no cookies
  await visitor.goto(linkUrl);
  await visitor.getByRole('heading', { name: 'This link needs a password' }).waitFor();
  await visitor.getByLabel('Password').fill('not it');
  await visitor.getByRole('button', { name: 'Open' }).click();
  await visitor.getByRole('alert').filter({ hasText: 'Wrong password' }).waitFor();
  await shot(visitor, '17-link-password');
  await visitor.getByLabel('Password').fill('open sesame');
  await visitor.keyboard.press('Enter');
  await visitor.locator('.crumbs [aria-current=page]').filter({ hasText: 'Link folder' }).waitFor();
  await rowByName(visitor, 'readme.txt').waitFor();
  await shot(visitor, '18-link-folder');
  await visitor.getByRole('link', { name: 'inner', exact: true }).click();
  await visitor.locator('.crumbs [aria-current=page]').filter({ hasText: 'inner' }).waitFor();
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: 'Download data.bin' }).click()]);
  if (download.suggestedFilename() !== 'data.bin') throw new Error('saved as ' + download.suggestedFilename());
  if (!/[?&]ticket=/.test(download.url())) throw new Error('not streamed through a ticket link: ' + download.url());
  if (!readFileSync(await download.path()).equals(data)) throw new Error('the downloaded bytes differ');
  const [zipped] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('button', { name: 'Download inner as ZIP' }).click()]);
  const inner = unzipSync(readFileSync(await zipped.path()));
  if (zipped.suggestedFilename() !== 'inner.zip' || !/[?&]ticket=/.test(zipped.url()) || !Buffer.from(inner['inner/data.bin'] || []).equals(data)) {
    throw new Error('the folder ZIP: ' + zipped.suggestedFilename() + ' from ' + zipped.url() + ' holding ' + Object.keys(inner).join(', '));
  }
  await visitor.getByRole('link', { name: 'Link folder' }).click(); // the breadcrumb back to the top
  await rowByName(visitor, 'inner').waitFor();
  await visitor.setViewportSize({ width: 390, height: 780 });
  const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  if (overflow > 0) throw new Error('the link page scrolls sideways by ' + overflow + ' px');
  await shot(visitor, '19-link-folder-narrow');
  await publicPageClean(visitor);
  if (visitor.errors.length) throw new Error(visitor.errors.join('; '));
  await owner.context().close();
  await visitor.context().close();
});

test('share links: a revoked link shows that it no longer works', async () => {
  if (!linkUrl) throw new Error('needs the link of the test before');
  const owner = await signIn(await newPage());
  await owner.getByRole('button', { name: 'Share Link folder' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Share Link folder' });
  await dialog.getByRole('button', { name: 'Revoke link 1' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Link revoked' }).waitFor();
  await dialog.getByText('No links.').waitFor();
  const visitor = await newPage();
  await visitor.goto(linkUrl);
  await visitor.getByRole('heading', { name: 'This link does not work' }).waitFor();
  await shot(visitor, '20-link-revoked');
  await publicPageClean(visitor);
  await owner.context().close();
  await visitor.context().close();
});

test('share links: a file link and a folder\'s ZIP without a password download with a plain link; an expired link and too many attempts say so', async () => {
  const file = await api.post('/api/links', { data: { path: run + '/Link folder/readme.txt' } });
  const short = await api.post('/api/links', { data: { path: run + '/Link folder/readme.txt', expiresInSeconds: 1 } });
  if (file.status() !== 201 || short.status() !== 201) throw new Error('links not made: ' + file.status() + ', ' + short.status());
  const started = Date.now();
  const visitor = await newPage({ width: 390, height: 780 });
  await visitor.goto(base + '/s/#' + (await file.json()).token);
  await visitor.getByText('readme.txt', { exact: true }).waitFor();
  await visitor.getByText('14 B', { exact: false }).waitFor();
  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Download readme.txt' }).click()]);
  if (readFileSync(await download.path()).toString() !== 'read me first\n') throw new Error('the downloaded file differs');
  await shot(visitor, '21-link-file-narrow');
  const folder = await api.post('/api/links', { data: { path: run + '/Link folder' } });
  await visitor.goto(base + '/s/#' + (await folder.json()).token);
  const [zipped] = await Promise.all([visitor.waitForEvent('download'), visitor.getByRole('link', { name: 'Download Link folder as ZIP' }).click()]);
  const entries = unzipSync(readFileSync(await zipped.path()));
  if (Buffer.from(entries['Link folder/readme.txt'] || []).toString() !== 'read me first\n' || !entries['Link folder/inner/data.bin']) {
    throw new Error('the folder ZIP holds ' + Object.keys(entries).join(', '));
  }
  await visitor.waitForTimeout(Math.max(0, started + 2000 - Date.now()));
  await visitor.goto(base + '/s/#' + (await short.json()).token);
  await visitor.getByRole('heading', { name: 'This link has expired' }).waitFor();
  await shot(visitor, '22-link-expired');
  await publicPageClean(visitor);
  // too many failures from one address (429): a real one would lock this machine out of links for a
  // minute, so the answer is played to the page
  await visitor.route('**/api/public/links/**', (route) => route.fulfill({
    status: 429, headers: { 'Retry-After': '42' }, contentType: 'application/json',
    body: JSON.stringify({ error: 'too_many_requests', message: 'too many failed attempts' }),
  }));
  await visitor.goto(base + '/s/#' + 'x'.repeat(43));
  await visitor.getByRole('heading', { name: 'Too many attempts' }).waitFor();
  await visitor.getByText('Try again in 42 s').waitFor();
  await visitor.context().close();
});

test('narrow screen: the listing still works at 390 px', async () => {
  const page = await signIn(await newPage({ width: 390, height: 780 }));
  await rowByName(page, 'report.txt').waitFor();
  await shot(page, '09-narrow');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  if (overflow > 0) throw new Error('the page scrolls sideways by ' + overflow + ' px');
  await page.getByRole('button', { name: 'Revisions of report.txt' }).click();
  await page.getByRole('dialog', { name: 'Revisions of report.txt' }).locator('li').first().waitFor();
  await shot(page, '10-narrow-revisions');
  await page.context().close();
});

test('main screen (screenshot) and no script errors on the way', async () => {
  const page = await signIn(await newPage());
  await rowByName(page, 'report.txt').waitFor();
  await page.getByRole('button', { name: 'Size' }).click();
  await page.locator('th.col-size[aria-sort=ascending]').waitFor();
  await rowByName(page, 'album').waitFor();
  await shot(page, '00-main');
  if (page.errors.length) throw new Error(page.errors.join('; '));
  const csp = await page.evaluate(() => window.cspViolations);
  if (csp.length) throw new Error('Content-Security-Policy violations: ' + csp.join('; '));
  await page.context().close();
});

// ---- the runner ----
const started = Date.now();
let passed = 0;
let failed = 0;
for (const t of tests) {
  const t0 = Date.now();
  try {
    await t.fn();
    passed++;
    console.log('passed: ' + t.name + ' (' + ((Date.now() - t0) / 1000).toFixed(1) + ' s)');
  } catch (e) {
    for (const page of openPages) {
      await shot(page, 'FAILED-' + (passed + failed + 1)).catch(() => {});
      if (page.errors.length) console.log('  page errors: ' + page.errors.join('; '));
      await page.context().close().catch(() => {});
    }
    failed++;
    const [first, ...rest] = String(e && e.message ? e.message : e).split('\n');
    console.log('FAILED: ' + t.name + ' — ' + first);
    // Playwright's call log says which locator it waited for and why it could not act (hidden, covered, gone)
    for (const line of rest.filter((l) => l.trim()).slice(0, 12)) console.log('  | ' + line);
  }
}
await api.dispose();
await browser.close();
console.log('Browser tests: ' + passed + ' passed, ' + failed + ' failed (' + ((Date.now() - started) / 1000).toFixed(1) + ' s); screenshots in ' + shots);
process.exit(failed ? 1 : 0);
