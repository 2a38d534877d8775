// Builds the browser UI into one directory that the WAR serves at its root:
//   index.html, ui/drive.js (the app, one bundle), ui/delta-worker.js (chunking and hashing off the
//   main thread), ui/drive.css, and the share-link page s/index.html with its own small bundle
//   ui/link.js. Usage: node build.mjs [outdir] (default ../../../target/frontend).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] || '../../../target/frontend');
await mkdir(resolve(out, 'ui'), { recursive: true });
await mkdir(resolve(out, 's'), { recursive: true });
await build({
  entryPoints: { drive: 'src/main.js', 'delta-worker': 'src/delta/worker.js', link: 'src/link.js' },
  outdir: resolve(out, 'ui'),
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile('src/index.html', resolve(out, 'index.html'));
await copyFile('src/drive.css', resolve(out, 'ui/drive.css'));
await copyFile('src/link.html', resolve(out, 's/index.html'));
console.log('UI built into ' + out);
