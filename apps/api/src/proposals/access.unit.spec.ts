import { initialState, type ProposalState, type UnitAssignment } from '@jyta/proposal-domain';
import type { AuthUser } from '../auth/auth-user';
import { canReadItem, listScope } from './access';
import { registrationIdFor, updateIdFor } from './proposal-commands.service';

const user = (role: AuthUser['role'], extra: Partial<AuthUser> = {}): AuthUser => ({
  id: `id-${role}`,
  username: role,
  role,
  unitId: null,
  displayName: role,
  ...extra,
});

const unit = (unitId: string, status: UnitAssignment['status'] = 'assigned'): UnitAssignment =>
  ({ unitId, role: 'lead', status, assignedOn: '2026-03-01', returnRequests: [] }) as unknown as UnitAssignment;

const item = (kind: string, units: UnitAssignment[], proposer = 'deputy-1'): ProposalState => ({
  ...initialState(),
  status: 'assigned',
  details: {
    proposalId: 'p',
    number: 'n',
    kind: kind as never,
    level: 'municipal',
    sessionYear: 2026,
    period: 'plenary',
    title: 't',
    content: 'c',
    proposers: [{ name: '甲', username: proposer }],
    key: false,
    major: false,
    urgent: false,
    registeredAt: '2026-03-01T00:00:00Z',
  },
  units,
});

describe('who sees which item', () => {
  const npc = item('npc_suggestion', [unit('cjj'), unit('zfbzj', 'returned')]);
  const cppcc = item('cppcc_proposal', [], 'member-1');

  it('the office, reviewers, vice mayors and admins see everything', () => {
    for (const role of ['office', 'office_reviewer', 'vice_mayor', 'admin'] as const) {
      expect(canReadItem(user(role), npc)).toBe(true);
      expect(listScope(user(role))).toEqual({});
    }
  });

  it('a unit sees the items it was ever assigned, even after returning them', () => {
    expect(canReadItem(user('unit_handler', { unitId: 'cjj' }), npc)).toBe(true);
    expect(canReadItem(user('unit_leader', { unitId: 'zfbzj' }), npc)).toBe(true);
    expect(canReadItem(user('unit_handler', { unitId: 'jyj' }), npc)).toBe(false);
    expect(canReadItem(user('unit_handler'), npc)).toBe(false);
    expect(listScope(user('unit_handler', { unitId: 'jyj' }))).toEqual({ unitId: 'jyj' });
    expect(listScope(user('unit_handler'))).toBeNull();
  });

  it('a liaison sees its own chamber only', () => {
    expect(canReadItem(user('npc_liaison'), npc)).toBe(true);
    expect(canReadItem(user('npc_liaison'), cppcc)).toBe(false);
    expect(canReadItem(user('cppcc_liaison'), cppcc)).toBe(true);
    expect(listScope(user('cppcc_liaison'))).toEqual({ kinds: ['cppcc_proposal', 'cppcc_recommendation'] });
  });

  it('a proposer sees their own items', () => {
    expect(canReadItem(user('proposer', { username: 'deputy-1' }), npc)).toBe(true);
    expect(canReadItem(user('proposer', { username: 'deputy-2' }), npc)).toBe(false);
    expect(listScope(user('proposer', { username: 'member-1' }))).toEqual({ proposerUsername: 'member-1' });
  });
});

describe('idempotency ids', () => {
  const office = user('office');
  it('a registration key always gives the same item id (per user); no key gives a new one', () => {
    const a = registrationIdFor(office, { correlationId: 'c1', idempotencyKey: 'k' });
    expect(registrationIdFor(office, { correlationId: 'c2', idempotencyKey: 'k' })).toBe(a);
    expect(registrationIdFor(user('office', { id: 'other' }), { correlationId: 'c', idempotencyKey: 'k' })).not.toBe(a);
    expect(registrationIdFor(office, { correlationId: 'c' })).not.toBe(registrationIdFor(office, { correlationId: 'c' }));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
  it('update ids are scoped by command and unit', () => {
    const meta = { correlationId: 'c', idempotencyKey: 'k' };
    expect(updateIdFor('SignReceipt', office, meta, 'rsj')).toBe(updateIdFor('SignReceipt', office, meta, 'rsj'));
    expect(updateIdFor('SignReceipt', office, meta, 'rsj')).not.toBe(updateIdFor('RequestReturn', office, meta, 'rsj'));
    expect(updateIdFor('SignReceipt', office, meta, 'rsj')).not.toBe(updateIdFor('SignReceipt', office, meta, 'jyj'));
  });
});
