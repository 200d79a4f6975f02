import type { GlobalPosition } from './types';

/** Before every event. */
export const START_POSITION: GlobalPosition = Object.freeze({ transactionId: '0', sequence: '0' });

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function assertPosition(p: GlobalPosition): GlobalPosition {
  if (!p || !DECIMAL.test(p.transactionId) || !DECIMAL.test(p.sequence)) {
    throw new TypeError(`invalid global position ${JSON.stringify(p)}`);
  }
  return p;
}

/** Numeric order by (transactionId, sequence): -1, 0 or 1. */
export function comparePositions(a: GlobalPosition, b: GlobalPosition): -1 | 0 | 1 {
  assertPosition(a);
  assertPosition(b);
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const sa = BigInt(a.sequence);
  const sb = BigInt(b.sequence);
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** Compact text form for headers / query strings: "<transactionId>.<sequence>". */
export function formatPosition(p: GlobalPosition): string {
  assertPosition(p);
  return `${p.transactionId}.${p.sequence}`;
}

export function parsePosition(s: string): GlobalPosition {
  const m = /^([0-9]+)\.([0-9]+)$/.exec(s ?? '');
  if (!m) throw new TypeError(`invalid global position '${s}'`);
  return assertPosition({ transactionId: BigInt(m[1]).toString(), sequence: BigInt(m[2]).toString() });
}
