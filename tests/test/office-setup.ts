/**
 * What the document tests need to render .docx as PDF: LibreOffice Writer (headless), poppler's
 * pdftotext / pdftoppm and the Noto CJK fonts — installed with apt when missing, like Chromium for
 * the browser tests (browser-setup.ts).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SOFFICE = process.env.SOFFICE_PATH || '/usr/bin/soffice';
const NEEDED = [SOFFICE, '/usr/bin/pdftotext', '/usr/bin/pdftoppm', '/usr/share/fonts/opentype/noto'];

export function ensureLibreOffice(): void {
  if (NEEDED.every((p) => existsSync(p))) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${NEEDED.filter((p) => !existsSync(p)).join(', ')} missing: install with \`sudo apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk\``);
  }
  process.stderr.write('▶ installing libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk with apt (document tests)…\n');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-noto-cjk', {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Does this jest run include the document tests (no file filter, or one that names them)? */
export function runsDocumentTests(globalConfig: { testPathPatterns?: { patterns?: string[] } | string[] } | undefined): boolean {
  const p = globalConfig?.testPathPatterns;
  const patterns = Array.isArray(p) ? p : (p?.patterns ?? []);
  return patterns.length === 0 || patterns.some((x) => /documents/.test(x));
}
