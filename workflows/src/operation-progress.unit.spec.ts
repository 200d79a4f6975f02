import { laterPosition } from './operation-progress';

describe('laterPosition', () => {
  it('compares transaction ids, then sequences, numerically (not as strings)', () => {
    const p = (transactionId: string, sequence: string) => ({ transactionId, sequence });
    expect(laterPosition(p('9', '100'), p('10', '1'))).toEqual(p('10', '1'));
    expect(laterPosition(p('10', '9'), p('10', '10'))).toEqual(p('10', '10'));
    expect(laterPosition(null, p('1', '1'))).toEqual(p('1', '1'));
    expect(laterPosition(p('1', '1'), null)).toEqual(p('1', '1'));
    expect(laterPosition(null, null)).toBeNull();
  });
});
