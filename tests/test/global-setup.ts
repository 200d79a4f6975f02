// Provisions the real Temporal dev server and PostgreSQL unless the environment names them; for the
// browser tests also Chromium and the built portal.
import devInfraSetup from '@jyta/dev-infra/src/jest-global-setup';
import { ensureChromium, ensurePortalBuilt, runsBrowserTests } from './browser-setup';
import { ensureLibreOffice, runsDocumentTests } from './office-setup';

export default async function globalSetup(globalConfig?: Parameters<typeof runsBrowserTests>[0]): Promise<void> {
  await devInfraSetup();
  if (runsBrowserTests(globalConfig)) {
    // A machine that cannot get a browser fails the browser tests (with this reason), not all of them.
    try {
      ensureChromium();
      ensurePortalBuilt();
    } catch (e) {
      process.env.PORTAL_SETUP_ERROR = (e as Error).message;
      process.stderr.write(`▲ browser tests cannot run: ${(e as Error).message}\n`);
    }
  }
  if (runsDocumentTests(globalConfig)) {
    // LibreOffice for the PDF renderings of the documents; without it only that test fails, with this reason.
    try {
      ensureLibreOffice();
    } catch (e) {
      process.env.OFFICE_SETUP_ERROR = (e as Error).message;
      process.stderr.write(`▲ document PDF tests cannot run: ${(e as Error).message}\n`);
    }
  }
}
