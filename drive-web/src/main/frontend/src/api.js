// The one way the UI talks to Drive: JSON over /api with the session cookie, and the session's
// CSRF token on every unsafe request. Errors become ApiError with Drive's {error, message} body.
export class ApiError extends Error {
  constructor(status, body, headers) {
    super((body && body.message) || 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
    this.retryAfter = headers ? Number(headers.get('Retry-After')) || null : null;
  }
}

let csrf = null;
export const setCsrf = (token) => { csrf = token; };
export const csrfToken = () => csrf;

export async function api(method, url, json, { signal, headers = {}, body } = {}) {
  const h = { ...headers };
  if (csrf && method !== 'GET') h['X-CSRF-Token'] = csrf;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(url, { method, body, headers: h, credentials: 'same-origin', signal });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data, response.headers);
  return data;
}

export const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null)).toString();
export const downloadUrl = (path, revision) => '/api/files/download?' + q({ path, revision });
export const zipUrl = (path) => '/api/files/download_zip?' + q({ path });

export const files = {
  list: (path) => api('GET', '/api/files/list?' + q({ path })),
  listDeleted: (path) => api('GET', '/api/files/list_deleted?' + q({ path })),
  revisions: (path) => api('GET', '/api/files/list_revisions?' + q({ path, limit: 100 })),
  createFolder: (path) => api('POST', '/api/files/create_folder', { path }),
  move: (from, to) => api('POST', '/api/files/move', { from, to }),
  copy: (from, to) => api('POST', '/api/files/copy', { from, to }),
  remove: (path) => api('POST', '/api/files/delete', { path }),
  undelete: (path) => api('POST', '/api/files/undelete', { path }),
  restore: (path, revision) => api('POST', '/api/files/restore', { path, revision }),
};

export const session = {
  get: () => api('GET', '/api/session'),
  signIn: (username, password) => api('POST', '/api/session', { username, password }),
  signOut: () => api('DELETE', '/api/session'),
  me: () => api('GET', '/api/users/me'),
};

export const shares = {
  of: (path) => api('GET', '/api/shares?' + q({ path })),
  add: (path, user, role) => api('POST', '/api/shares', { path, user, role }),
  change: (id, role) => api('PUT', '/api/shares/' + id, { role }),
  remove: (id) => api('DELETE', '/api/shares/' + id),
  incoming: () => api('GET', '/api/shares/incoming'),
  mount: (id) => api('POST', '/api/shares/' + id + '/mount', {}),
  unmount: (id) => api('DELETE', '/api/shares/' + id + '/mount'),
};

/** Share links of one's items: the token is in the answer of create only. */
export const links = {
  of: (path) => api('GET', '/api/links?' + q({ path })),
  create: (path, password, expiresInSeconds) => api('POST', '/api/links', { path, password, expiresInSeconds }),
  revoke: (id) => api('DELETE', '/api/links/' + id),
};

/** The page a link's recipient opens: the token after '#', so it is never sent when the page loads. */
export const linkPageUrl = (token) => location.origin + '/s/#' + token;

/**
 * Reading through a share link, without an account. Paths are relative to the linked item ('/' is
 * the item); the link's password, if it has one, goes in X-Link-Password on every request.
 */
export function publicLink(token, password) {
  const base = '/api/public/links/' + encodeURIComponent(token);
  const headers = password ? { 'X-Link-Password': password } : {};
  return {
    info: () => api('GET', base, undefined, { headers }),
    list: (path) => api('GET', base + '/list?' + q({ path }), undefined, { headers }),
    downloadUrl: (path, ticket) => base + '/download?' + q({ path, ticket }),
    zipUrl: (path, ticket) => base + '/download_zip?' + q({ path, ticket }),
    /**
     * A download ticket: a password can only travel in a header, which a plain link cannot send, so
     * the page trades it for a ticket (valid for a few minutes) that goes in the download's address.
     */
    ticket: () => api('POST', base + '/ticket', undefined, { headers }),
  };
}

export const notifications = {
  list: () => api('GET', '/api/notifications?' + q({ limit: 50 })),
  unread: () => api('GET', '/api/notifications/unread_count'),
  read: (id) => api('POST', '/api/notifications/' + id + '/read'),
  readAll: () => api('POST', '/api/notifications/read_all'),
};

export const changes = {
  latestCursor: () => api('GET', '/api/changes/latest_cursor'),
  read: (cursor) => api('GET', '/api/changes?' + q({ cursor, limit: 2000 })),
  longpoll: (cursor, signal) => api('GET', '/api/changes/longpoll?' + q({ cursor, timeout: 60 }), undefined, { signal }),
};

/** Joins a folder path and a name (or a relative path with slashes). */
export const join = (folder, name) => (folder === '/' ? '' : folder) + '/' + name;
export const parentOf = (path) => path.slice(0, path.lastIndexOf('/')) || '/';
export const nameOf = (path) => path.slice(path.lastIndexOf('/') + 1);
