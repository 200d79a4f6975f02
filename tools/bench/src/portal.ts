/**
 * The portal's first-load JavaScript per route: the entry chunk, the route's own (lazy) chunk and
 * every chunk they import statically, gzip-compressed as the browser downloads them. Read from the
 * Vite manifest of the production build (apps/portal/dist/.vite/manifest.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
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

export interface DashboardFollow {
  /** ms from the assignment's HTTP answer to the open dashboard showing the new count, per sample */
  samplesMs: number[];
  /** why nothing was measured (no Chromium), else undefined */
  skipped?: string;
}

const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Demo#2026';

async function post(baseUrl: string, token: string | undefined, p: string, body: unknown): Promise<{ id?: string; accessToken?: string }> {
  const res = await fetch(baseUrl + p, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`POST ${p}: ${res.status} ${JSON.stringify(json)}`);
  return json as { id?: string; accessToken?: string };
}

/**
 * The liaison dashboard's time to show a new event: the NPC liaison's dashboard is open in
 * Chromium (playwright-core, 1366×768); the office registers and assigns an NPC item over HTTP;
 * the time from the assignment's answer until the page's 已交办 count changes, without a reload.
 * Read every 20 ms from the benchmark (the portal's CSP forbids evaluated strings in the page).
 */
export async function dashboardTimeToShow(baseUrl: string, samples = 5, log: (m: string) => void = () => undefined): Promise<DashboardFollow> {
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { samplesMs: [], skipped: `${chromiumPath} missing` };
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('npc-liaison');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto('/dashboard');
    const stat = page.getByTestId('stat-assigned').locator('.ant-statistic-content-value');
    await stat.waitFor();
    const read = async () => Number((await stat.innerText()).replace(/\D/g, ''));
    const office = (await post(baseUrl, undefined, '/api/auth/login', { username: 'office', password: DEMO_PASSWORD })).accessToken as string;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const out: number[] = [];
    for (let i = 0; i < samples; i++) {
      const before = await read();
      const item = await post(baseUrl, office, '/api/proposals', {
        kind: 'npc_suggestion',
        level: 'municipal',
        sessionYear: Number(today.slice(0, 4)),
        period: 'plenary',
        title: `看板跟随测试 ${i + 1}`,
        content: '基准测试：看板显示新事件所需时间。',
        proposers: [{ name: '基准代表' }],
      });
      await post(baseUrl, office, `/api/proposals/${item.id!}/assignment`, { mode: 'single', leadUnitIds: ['rsj'], assignedOn: today });
      const t0 = performance.now();
      while ((await read()) === before) {
        if (performance.now() - t0 > 60_000) throw new Error('the dashboard did not show the assignment within 60 s');
        await page.waitForTimeout(20);
      }
      out.push(performance.now() - t0);
      log(`dashboard sample ${i + 1}: ${out[i].toFixed(0)} ms`);
    }
    return { samplesMs: out };
  } finally {
    await browser.close();
  }
}
