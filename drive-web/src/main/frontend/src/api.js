// The one way the UI talks to Drive: JSON over /api with the session cookie, and the session's
// CSRF token on every unsafe request. Errors become ApiError with Drive's {error, message} body.
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
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
  if (!response.ok) throw new ApiError(response.status, data);
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
