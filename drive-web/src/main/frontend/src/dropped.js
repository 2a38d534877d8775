// What the user gave us — dropped files and folders (DataTransferItem.webkitGetAsEntry, walking
// directories), or a file input (webkitRelativePath for a folder picker) — as [{file, relative}] plus
// the folders seen (so empty ones are created too).

export async function fromDrop(dataTransfer) {
  // webkitGetAsEntry must be called while the drop event is being handled: take every entry first.
  const items = [...dataTransfer.items].filter((i) => i.kind === 'file');
  const roots = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  const plain = items.map((i) => i.getAsFile());
  const out = { files: [], folders: [] };
  for (let k = 0; k < items.length; k++) {
    if (roots[k]) await walk(roots[k], '', out);
    else if (plain[k]) out.files.push({ file: plain[k], relative: plain[k].name });
  }
  return out;
}

export function fromInput(fileList) {
  const out = { files: [], folders: [] };
  const folders = new Set();
  for (const file of fileList) {
    const relative = file.webkitRelativePath || file.name;
    const parts = relative.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    out.files.push({ file, relative });
  }
  out.folders = [...folders];
  return out;
}

async function walk(entry, prefix, out) {
  const relative = prefix + entry.name;
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.files.push({ file, relative });
  } else if (entry.isDirectory) {
    out.folders.push(relative);
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break; // readEntries answers in batches (100 in Chromium) until empty
      for (const child of batch) await walk(child, relative + '/', out);
    }
  }
}
