import { contactRows, foldUserEvent } from './account-events';

const hashOf = (id: string) => `hash-of-${id}`;

describe('foldUserEvent', () => {
  it('creates the row from UserCreated with the named credential and session version 1', () => {
    expect(
      foldUserEvent(undefined, { type: 'UserCreated', data: { username: 'u1', role: 'unit_handler', unitId: 'rsj', displayName: '某甲', chamber: null, credentialId: 'c1' } }, hashOf),
    ).toEqual({
      username: 'u1',
      role: 'unit_handler',
      unitCode: 'rsj',
      displayName: '某甲',
      chamber: null,
      passwordHash: 'hash-of-c1',
      disabled: false,
      sessionVersion: 1,
      failedLogins: 0,
      lockedUntil: null,
    });
  });

  it('ends the sessions on disable, new password and new role; not on unlock or enable', () => {
    const row = { sessionVersion: 4 };
    expect(foldUserEvent(row, { type: 'UserDisabled', data: {} }, hashOf)).toEqual({ disabled: true, sessionVersion: 5 });
    expect(foldUserEvent(row, { type: 'UserPasswordReset', data: { credentialId: 'c2' } }, hashOf)).toEqual({
      passwordHash: 'hash-of-c2',
      failedLogins: 0,
      lockedUntil: null,
      sessionVersion: 5,
    });
    expect(
      foldUserEvent(row, { type: 'UserRoleChanged', data: { role: 'unit_leader', unitId: 'jyj', previousRole: 'unit_handler', previousUnitId: 'rsj' } }, hashOf),
    ).toEqual({ role: 'unit_leader', unitCode: 'jyj', sessionVersion: 5 });
    expect(foldUserEvent(row, { type: 'UserUnlocked', data: {} }, hashOf)).toEqual({ failedLogins: 0, lockedUntil: null });
    expect(foldUserEvent(row, { type: 'UserEnabled', data: {} }, hashOf)).not.toHaveProperty('sessionVersion');
    expect(foldUserEvent(row, { type: 'UserLockedOut', data: { until: '2026-11-27T10:00:00.000Z', failures: 10 } }, hashOf)).toEqual({
      lockedUntil: new Date('2026-11-27T10:00:00.000Z'),
    });
  });
});

describe('contactRows', () => {
  it('numbers the entries of each kind in the order given', () => {
    const rows = contactRows('rsj', [
      { kind: 'handler', name: '甲', phone: '1', position: '' },
      { kind: 'main_leader', name: '乙', phone: '2', position: '局长' },
      { kind: 'handler', name: '丙', phone: '3', position: '' },
    ]);
    expect(rows.map((r) => [r.kind, r.seq, r.name])).toEqual([
      ['handler', 0, '甲'],
      ['main_leader', 0, '乙'],
      ['handler', 1, '丙'],
    ]);
  });
});
