/**
 * What the browser tests need before any of them starts: Debian's Chromium with CJK fonts (installed
 * with apt when missing — never a downloaded browser) and the built portal, which the API of each
 * test stack serves at /.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');

export function ensureChromium(): void {
  if (existsSync(CHROMIUM) && existsSync('/usr/share/fonts/opentype/noto')) return;
  if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: install it with \`sudo apt-get install -y chromium fonts-noto-cjk\``);
  process.stderr.write('▶ installing chromium and fonts-noto-cjk with apt (browser tests)…\n');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk', {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function ensurePortalBuilt(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'tools', 'build-portal.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
}

/** Does this jest run include browser tests (no file filter, or one that names a portal spec)? */
export function runsBrowserTests(globalConfig: { testPathPatterns?: { patterns?: string[] } | string[] } | undefined): boolean {
  const p = globalConfig?.testPathPatterns;
  const patterns = Array.isArray(p) ? p : (p?.patterns ?? []);
  return patterns.length === 0 || patterns.some((x) => /portal/.test(x));
}
