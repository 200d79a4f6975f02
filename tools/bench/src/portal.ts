/**
 * The portal's first-load JavaScript per route: the entry chunk, the route's own (lazy) chunk and
 * every chunk they import statically, gzip-compressed as the browser downloads them. Read from the
 * Vite manifest of the production build (apps/portal/dist/.vite/manifest.json).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'apps', 'portal', 'dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface RouteWeight {
  route: string;
  chunks: number;
  rawKb: number;
  gzipKb: number;
}

export const PORTAL_ROUTES: { route: string; module: string }[] = [
  { route: '/login (登录)', module: 'src/pages/login/LoginPage.tsx' },
  { route: '/items (建议提案列表)', module: 'src/pages/office/ItemsPage.tsx' },
];

export function portalFirstLoad(): RouteWeight[] {
  execFileSync(process.execPath, [path.join(ROOT, 'tools', 'build-portal.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('the portal manifest names no entry chunk');
  return PORTAL_ROUTES.map(({ route, module }) => {
    if (!manifest[module]) throw new Error(`the portal manifest has no chunk for ${module}`);
    const files = new Set<string>();
    const visit = (key: string) => {
      const c = manifest[key];
      if (!c || files.has(c.file)) return;
      files.add(c.file);
      for (const i of c.imports ?? []) visit(i);
    };
    visit(entry);
    visit(module);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const bytes = readFileSync(path.join(DIST, f));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    return { route, chunks: files.size, rawKb: raw / 1024, gzipKb: gz / 1024 };
  });
}

if (require.main === module) {
  for (const r of portalFirstLoad()) console.log(`${r.route}: ${r.chunks} chunks, ${r.rawKb.toFixed(0)} kB, gzip ${r.gzipKb.toFixed(0)} kB`);
}
