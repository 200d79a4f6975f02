/**
 * docs/benchmarks.md is written by several benchmarks: `npm run bench` writes the whole file and
 * each other benchmark (`--engines`, `--burst`, `--timers`, …) owns one section between its own
 * markers, `<!-- NAME:BEGIN … -->` … `<!-- NAME:END -->`. A run rewrites its section in place (or
 * appends it), and the main run keeps every section it did not write.
 */
import fs from 'node:fs';

const BEGIN = /<!-- ([A-Z0-9_-]+):BEGIN[^>]*-->/g;

export const sectionBegin = (name: string, command: string) => `<!-- ${name}:BEGIN (${command}) -->`;
export const sectionEnd = (name: string) => `<!-- ${name}:END -->`;

/** Every marked section of a file, in order, as text ('' when the file or the sections are missing). */
export function keptSections(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
  const kept: string[] = [];
  for (const m of text.matchAll(BEGIN)) {
    const end = sectionEnd(m[1]);
    const b = text.indexOf(end, m.index);
    if (b > 0) kept.push(text.slice(m.index, b + end.length));
  }
  return kept.length ? `\n${kept.join('\n\n')}\n` : '';
}

/** Writes one section (text between the markers, markers included) into the file, in place or appended. */
export function writeSection(file: string, name: string, section: string): void {
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    /* a new file */
  }
  const begin = text.search(new RegExp(`<!-- ${name}:BEGIN[^>]*-->`));
  const end = sectionEnd(name);
  const b = begin >= 0 ? text.indexOf(end, begin) : -1;
  const next = begin >= 0 && b > begin ? text.slice(0, begin) + section.trim() + text.slice(b + end.length) : `${text.trimEnd()}\n\n${section.trim()}\n`;
  fs.writeFileSync(file, next);
}
