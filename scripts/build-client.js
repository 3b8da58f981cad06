/**
 * Bundles the browser code (the map, the partner search as you type) into public/build with esbuild, and ships MapLibre's
 * worker and stylesheet beside it: MapLibre starts its worker from a separate file, and
 * without it the map stays blank. Runs before `npm start` and the end-to-end tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'public', 'build');
const maplibre = path.join(root, 'node_modules', 'maplibre-gl', 'dist');

fs.mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: {
    map: path.join(root, 'client', 'map', 'main.ts'),
    'partner-search': path.join(root, 'client', 'partner-search', 'main.ts'),
  },
  outdir: out,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
for (const file of ['maplibre-gl-worker.mjs', 'maplibre-gl.css'])
  fs.copyFileSync(path.join(maplibre, file), path.join(out, file));
fs.copyFileSync(
  path.join(root, 'node_modules', 'accessible-autocomplete', 'dist', 'accessible-autocomplete.min.css'),
  path.join(out, 'accessible-autocomplete.css'),
);
