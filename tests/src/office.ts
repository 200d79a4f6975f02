/**
 * .docx → PDF with LibreOffice (headless), and the first page as a PNG, for the document tests.
 * The PDFs are kept as test artefacts under tests/artifacts (git-ignored); the pictures go to
 * docs/screenshots (the README shows them). Fonts: tests/fontconfig/fonts.conf maps the GB/T 9704
 * faces to the Chinese fonts the machine has (Noto CJK at least).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SOFFICE } from '../test/office-setup';

export const ARTIFACTS = path.resolve(__dirname, '../artifacts');
const FONTCONFIG = path.resolve(__dirname, '../fontconfig/fonts.conf');

const env = () => ({ ...process.env, FONTCONFIG_FILE: FONTCONFIG, HOME: process.env.HOME ?? tmpdir() });

/** Converts `docx` (bytes) named `name` (no extension) to tests/artifacts/<name>.pdf; returns the PDF's path. */
export function docxToPdf(docx: Buffer, name: string): string {
  if (process.env.OFFICE_SETUP_ERROR) throw new Error(`document PDF tests: setup failed: ${process.env.OFFICE_SETUP_ERROR}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'jyta-office-'));
  try {
    const input = path.join(work, `${name}.docx`);
    writeFileSync(input, docx);
    writeFileSync(path.join(ARTIFACTS, `${name}.docx`), docx);
    // Its own profile: a LibreOffice already running (or another test run) must not take the job.
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input], {
      env: env(),
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
    const out = path.join(ARTIFACTS, `${name}.pdf`);
    renameSync(path.join(work, `${name}.pdf`), out);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The number of pages (pdfinfo) and the text (pdftotext) of a PDF. */
export function pdfFacts(pdf: string): { pages: number; text: string } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { pages, text };
}

/** The first page as a PNG at `width` pixels (pdftoppm), written to `file`. */
export function firstPagePng(pdf: string, file: string, width = 600): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const base = file.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(width), '-scale-to-y', '-1', pdf, base], { env: env() });
  if (!existsSync(file)) throw new Error(`pdftoppm wrote no ${file}`);
  return file;
}

export const isPdf = (file: string) => readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';
