import { START_POSITION, comparePositions, formatPosition, parsePosition } from './position';
import { validateAppend } from './store';
import { WrongExpectedVersionError } from './errors';
import { newEvent } from './test-support';

describe('global positions', () => {
  const p = (transactionId: string, sequence: string) => ({ transactionId, sequence });

  it('compare numerically by transaction id, then sequence', () => {
    expect(comparePositions(p('9', '100'), p('10', '1'))).toBe(-1); // not lexical
    expect(comparePositions(p('10', '2'), p('10', '11'))).toBe(-1);
    expect(comparePositions(p('10', '11'), p('10', '11'))).toBe(0);
    expect(comparePositions(p('18446744073709551615', '1'), p('18446744073709551614', '9223372036854775807'))).toBe(1);
    expect(comparePositions(START_POSITION, p('1', '1'))).toBe(-1);
  });

  it('round-trip through text and reject garbage', () => {
    expect(formatPosition(p('740', '12'))).toBe('740.12');
    expect(parsePosition('740.12')).toEqual(p('740', '12'));
    expect(parsePosition('0740.012')).toEqual(p('740', '12'));
    for (const bad of ['', '740', '740.', '.1', '-1.2', '1.2.3', '1e3.1']) expect(() => parsePosition(bad)).toThrow(TypeError);
    expect(() => comparePositions(p('1', 'x'), START_POSITION)).toThrow(TypeError);
  });
});

describe('validateAppend', () => {
  it('accepts a well-formed append', () => {
    expect(() => validateAppend('proposal-1', [newEvent('A', {}), newEvent('B', [1, 2])], 0)).not.toThrow();
    expect(() => validateAppend('proposal-1', [], 'any')).not.toThrow();
  });

  it('rejects what no retry could fix', () => {
    const e = newEvent('A', {});
    expect(() => validateAppend('', [e], 0)).toThrow(/stream id/);
    expect(() => validateAppend('s', [e], -1)).toThrow(/expected version/);
    expect(() => validateAppend('s', [e], 1.5)).toThrow(/expected version/);
    expect(() => validateAppend('s', [{ ...e, eventId: 'nope' }], 0)).toThrow(/event id/);
    expect(() => validateAppend('s', [e, { ...e, eventId: e.eventId.toUpperCase() }], 0)).toThrow(/twice/);
    expect(() => validateAppend('s', [{ ...e, type: '' }], 0)).toThrow(/type/);
    expect(() => validateAppend('s', [{ ...e, metadata: { ...e.metadata, occurredAt: 'yesterday' } }], 0)).toThrow(/occurredAt/);
    expect(() => validateAppend('s', [{ ...e, metadata: { ...e.metadata, correlationId: '' } }], 0)).toThrow(/correlationId/);
  });
});

describe('WrongExpectedVersionError', () => {
  it('carries code, stream, expected and actual', () => {
    const err = new WrongExpectedVersionError('s-1', 2, 3);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: 's-1', expected: 2, actual: 3, name: 'WrongExpectedVersionError' });
    expect(err.message).toContain('s-1');
  });
});
