// How sizes, dates, speeds and file types are shown.
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function size(bytes) {
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < UNITS.length - 1) { value /= 1024; i++; }
  return (i === 0 ? value : value.toFixed(value < 10 ? 1 : 0)) + ' ' + UNITS[i];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const date = (iso) => (iso ? dateFormat.format(new Date(iso)) : '');

export function duration(seconds) {
  if (!isFinite(seconds)) return '';
  if (seconds < 60) return Math.max(1, Math.round(seconds)) + ' s';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min';
  return (seconds / 3600).toFixed(1) + ' h';
}

const KINDS = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'heic', 'tif', 'tiff'],
  video: ['mp4', 'mov', 'mkv', 'avi', 'webm'],
  audio: ['mp3', 'wav', 'flac', 'ogg', 'm4a'],
  pdf: ['pdf'],
  doc: ['doc', 'docx', 'odt', 'rtf', 'md', 'txt'],
  sheet: ['xls', 'xlsx', 'ods', 'csv'],
  slides: ['ppt', 'pptx', 'odp', 'key'],
  archive: ['zip', 'tar', 'gz', 'tgz', '7z', 'rar', 'bz2', 'xz', 'iso'],
  code: ['js', 'ts', 'java', 'py', 'c', 'h', 'cpp', 'go', 'rs', 'html', 'css', 'json', 'xml', 'yaml', 'yml', 'sh', 'sql'],
};

/** {kind, label} of an entry, for its CSS icon and its "type" text. */
export function type(entry) {
  if (entry.folder) return { kind: 'folder', label: 'Folder' };
  const dot = entry.name.lastIndexOf('.');
  const ext = dot > 0 ? entry.name.slice(dot + 1).toLowerCase() : '';
  for (const [kind, exts] of Object.entries(KINDS)) {
    if (exts.includes(ext)) return { kind, label: ext.toUpperCase() };
  }
  return { kind: 'file', label: ext ? ext.toUpperCase() : 'File' };
}
