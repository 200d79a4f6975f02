/**
 * A matching copy of a text: full-width ASCII (０３７１, （）, －, ＋, ＠, ：) becomes half-width, the
 * ideographic space and the zero-width characters become plain spaces, and the dashes of every
 * script become '-'. Each UTF-16 unit maps to exactly one unit, so an index into the copy is the
 * same index into the original: matches are found on the copy and cut out of the original, which
 * keeps every character that is not redacted as it was written.
 */

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
// ‐ ‑ ‒ – — ― − ﹣ (U+FF0D is full-width and handled with the block)
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63]);

function normalUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII block
  if (c === 0x3000 || ZERO_WIDTH.has(c)) return 0x20;
  if (DASHES.has(c)) return 0x2d;
  return c;
}

export function normalizeForMatching(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(normalUnit(text.charCodeAt(i)));
  return out;
}

/** The same mapping for a subject's own value (a name, an address): its matching form without spaces. */
export function compact(value: string): string {
  return normalizeForMatching(value).replace(/\s+/g, '');
}
