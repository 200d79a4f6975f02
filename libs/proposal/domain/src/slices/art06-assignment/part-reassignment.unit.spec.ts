// 改派 (Art. 6, 7; SPEC §4.1): in 分别办理 a returned unit's part waits for the office, which assigns
// it to another unit with fresh windows; the other parts go on undisturbed.
import { decide, fold, nextDeadline, type DecidedEvent, type ProposalCommand } from '../../index';
import { withArchive } from '../../shared/archive';
import { assigned, at, ctx, given, registered } from '../../../test/given';

const separate = [registered(), assigned({ mode: 'separate', leadUnitIds: ['cjj', 'jtj'], assignedOn: '2026-11-20' })];
const requestReturn = (unitId: string, now = at('2026-11-21')): DecidedEvent => ({ type: 'ReturnRequested', occurredAt: now, data: { unitId, reason: '不属本单位职责' } });
const approve = (unitId: string): ProposalCommand => ({ type: 'DecideReturn', data: { unitId, approve: true, comment: '同意' } });
const reassign = (data: Partial<Extract<ProposalCommand, { type: 'ReassignPart' }>['data']> = {}): ProposalCommand => ({
  type: 'ReassignPart',
  data: { fromUnitId: 'cjj', toUnitId: 'sjj', assignedOn: '2026-11-23', ...data },
});
/** The separate item after cjj's return was approved (on 2026-11-23, the specs' now). */
const returned = [...separate, requestReturn('cjj'), ...given([...separate, requestReturn('cjj')]).when(approve('cjj')).then(() => undefined)];

describe('改派 in 分别办理, given events', () => {
  it('given a separate item, when the office approves one unit\'s return, then its part waits for re-assignment and the item stays assigned', () => {
    const events = given([...separate, requestReturn('cjj')])
      .when(approve('cjj'))
      .then([
        {
          type: 'ReturnApproved',
          occurredAt: at('2026-11-23'),
          data: { unitId: 'cjj', comment: '同意', awaitingReassignment: false, partAwaitingReassignment: true },
        },
      ]);
    const s = fold([...separate, requestReturn('cjj'), ...events]);
    expect(s.status).toBe('assigned');
    expect(s.partsAwaitingReassignment).toEqual([{ unitId: 'cjj', since: at('2026-11-23') }]);
  });

  it('given items that approved returns before parts could be re-assigned (the workflow\'s patch), then the return is decided as it was', () => {
    given([...separate, requestReturn('cjj')])
      .when(approve('cjj'), { withoutPartReassignment: true })
      .then([{ type: 'ReturnApproved', occurredAt: at('2026-11-23'), data: { unitId: 'cjj', comment: '同意', awaitingReassignment: false } }]);
  });

  it('given a part waiting, when the office assigns the whole item again, then ALREADY_ASSIGNED names the part to re-assign', () => {
    given(returned)
      .when({ type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: ['sjj', 'jtj'], assignedOn: '2026-11-23' } })
      .thenFails('ALREADY_ASSIGNED', { status: 409, details: { partsAwaitingReassignment: [{ unitId: 'cjj', since: at('2026-11-23') }] } });
  });

  it('given a part waiting, when the office re-assigns it, then the new unit gets fresh windows counted from its own 接办之日', () => {
    // What a fresh assignment of sjj on 2026-11-23 would give it.
    const fresh = (assigned({ mode: 'single', leadUnitIds: ['sjj'], assignedOn: '2026-11-23' }) as Extract<DecidedEvent, { type: 'ProposalAssigned' }>).data.units[0];
    const [e] = given(returned)
      .when(reassign({ responsiblePerson: ' 李四 ' }))
      .then([
        {
          type: 'PartReassigned',
          occurredAt: at('2026-11-23'),
          data: { fromUnitId: 'cjj', assignedOn: '2026-11-23', unit: { ...fresh, role: 'separate', responsiblePerson: '李四' } },
        },
      ]);
    const before = fold(returned);
    expect(fresh.replyDue.dueAt).not.toBe(before.units[0].replyDue.dueAt);
    const s = fold([...returned, e]);
    expect(s.status).toBe('assigned');
    expect(s.partsAwaitingReassignment).toBeUndefined();
    expect(s.units.map((u) => [u.unitId, u.status, u.role])).toEqual([
      ['cjj', 'returned', 'separate'],
      ['jtj', 'assigned', 'separate'],
      ['sjj', 'assigned', 'separate'],
    ]);
    expect(s.units[0].reassignedTo).toBe('sjj');
    expect(s.units[2]).toMatchObject({ reassignedFrom: 'cjj', assignedOn: '2026-11-23', returnWindow: fresh.returnWindow, replyDue: fresh.replyDue, returnRequests: [] });
    // The other part is untouched: same deadlines, same everything.
    expect(s.units[1]).toEqual(before.units[1]);
  });

  it('given the part re-assigned, then the other unit\'s timers come first as before, and the new unit\'s own return window follows', () => {
    const s = given(returned).when(reassign()).state;
    const jtj = s.units[1];
    const sjj = s.units[2];
    expect(nextDeadline(s, {})).toEqual({ at: jtj.returnWindow.dueAt, command: { type: 'CloseReturnWindow', data: { unitId: 'jtj' } } });
    expect(nextDeadline(fold(returned), {})).toEqual(nextDeadline(s, {}));
    // After jtj's window closed, sjj may still return inside its own fresh window.
    const later = jtj.returnWindow.dueAt;
    const closed = decide({ type: 'CloseReturnWindow', data: { unitId: 'jtj' } }, s, { ...ctx, now: later });
    const s2 = fold(closed, s);
    expect(nextDeadline(s2, {})).toEqual({ at: sjj.returnWindow.dueAt, command: { type: 'CloseReturnWindow', data: { unitId: 'sjj' } } });
    expect(Date.parse(sjj.returnWindow.dueAt)).toBeGreaterThan(Date.parse(later));
    given([...returned, ...given(returned).when(reassign()).then(() => undefined), ...closed])
      .when({ type: 'RequestReturn', data: { unitId: 'sjj', reason: '亦不属本单位职责' } }, { now: later })
      .then((es) => expect(es.map((x) => x.type)).toEqual(['ReturnRequested']));
    given([...returned, ...given(returned).when(reassign()).then(() => undefined), ...closed])
      .when({ type: 'RequestReturn', data: { unitId: 'jtj', reason: '不属本单位职责' } }, { now: later })
      .thenFails('RETURN_WINDOW_CLOSED');
  });

  it('given a part waiting, when the office re-assigns it to a unit that holds or returned a part, then UNIT_ALREADY_ON_ITEM', () => {
    given(returned).when(reassign({ toUnitId: 'jtj' })).thenFails('UNIT_ALREADY_ON_ITEM', { status: 409, details: { toUnitId: 'jtj' } });
    given(returned).when(reassign({ toUnitId: 'cjj' })).thenFails('UNIT_ALREADY_ON_ITEM', { status: 409 });
  });

  it('given no part waiting for that unit, when the office re-assigns it, then NO_PART_AWAITING_REASSIGNMENT', () => {
    given(returned).when(reassign({ fromUnitId: 'jtj' })).thenFails('NO_PART_AWAITING_REASSIGNMENT', { status: 409 });
    given(separate).when(reassign()).thenFails('NO_PART_AWAITING_REASSIGNMENT', { status: 409 });
    const done = given(returned).when(reassign()).then(() => undefined);
    given([...returned, ...done]).when(reassign({ toUnitId: 'wjw' })).thenFails('NO_PART_AWAITING_REASSIGNMENT');
  });

  it('given a part waiting, when the 接办之日 is in the future or before the return was approved, then VALIDATION_FAILED on assignedOn', () => {
    given(returned).when(reassign({ assignedOn: '2026-11-24' })).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'assignedOn' } });
    given(returned).when(reassign({ assignedOn: '2026-11-22' })).thenFails('VALIDATION_FAILED', { status: 400, details: { field: 'assignedOn' } });
    given(returned).when(reassign({ assignedOn: '2026-13-01' })).thenFails('VALIDATION_FAILED', { status: 400 });
  });

  it('given a part waiting, when the other unit finishes its reply, then the item is not archived (the part is still unanswered)', () => {
    const s = fold(returned);
    expect(withArchive(s, [], 'jtj', at('2026-11-24'))).toEqual([]);
    const after = given(returned).when(reassign()).state;
    // Once re-assigned, the new unit's part must be done too.
    expect(withArchive(after, [], 'jtj', at('2026-11-24'))).toEqual([]);
  });

  it('given every separate unit returned, then the item awaits re-assignment; re-assigning one part leaves the other waiting', () => {
    const both = fold([...returned, requestReturn('jtj')]);
    const [e] = decide(approve('jtj'), both, ctx);
    expect(e.data).toMatchObject({ unitId: 'jtj', awaitingReassignment: true, partAwaitingReassignment: true });
    const past = [...returned, requestReturn('jtj'), e];
    expect(fold(past)).toMatchObject({ status: 'awaiting_reassignment', partsAwaitingReassignment: [{ unitId: 'cjj' }, { unitId: 'jtj' }] });
    const one = given(past).when(reassign()).state;
    expect(one).toMatchObject({ status: 'assigned', partsAwaitingReassignment: [{ unitId: 'jtj' }] });
    // …or the office assigns the whole item anew, which takes over every waiting part.
    const whole = given(past).when({ type: 'AssignProposal', data: { mode: 'separate', leadUnitIds: ['sjj', 'wjw'], assignedOn: '2026-11-23' } }).state;
    expect(whole.status).toBe('assigned');
    expect(whole.partsAwaitingReassignment).toBeUndefined();
  });
});

describe('lead mode after a return (Art. 7), given events', () => {
  const lead = [registered(), assigned({ mode: 'lead', leadUnitIds: ['cjj'], coUnitIds: ['zfbzj'], assignedOn: '2026-11-20' })];
  const leadReturned = [...lead, requestReturn('cjj'), ...given([...lead, requestReturn('cjj')]).when(approve('cjj')).then(() => undefined)];

  it('given the only lead unit returned, then the item awaits re-assignment with no part of its own waiting', () => {
    expect(leadReturned.at(-1)!.data).toEqual({ unitId: 'cjj', comment: '同意', awaitingReassignment: true });
    expect(fold(leadReturned)).toMatchObject({ status: 'awaiting_reassignment' });
    expect(fold(leadReturned).partsAwaitingReassignment).toBeUndefined();
  });

  it('given the item awaits re-assignment, when the office assigns a new lead unit, then ProposalAssigned (a reassignment) with fresh windows', () => {
    given(leadReturned)
      .when({ type: 'AssignProposal', data: { mode: 'lead', leadUnitIds: ['sjj'], assignedOn: '2026-11-23' } })
      .then((es, s) => {
        expect(es).toHaveLength(1);
        expect(es[0]).toMatchObject({ type: 'ProposalAssigned', data: { reassignment: true, assignedOn: '2026-11-23', units: [{ unitId: 'sjj', role: 'lead' }] } });
        expect(s.status).toBe('assigned');
      });
  });

  it('given the lead unit returned, when the office tries the separate re-assignment, then NO_PART_AWAITING_REASSIGNMENT', () => {
    given(leadReturned).when(reassign()).thenFails('NO_PART_AWAITING_REASSIGNMENT');
  });

  it('given a co-unit returned, then the lead goes on and nothing waits', () => {
    const co = [...lead, requestReturn('zfbzj')];
    given(co)
      .when(approve('zfbzj'))
      .then([{ type: 'ReturnApproved', occurredAt: at('2026-11-23'), data: { unitId: 'zfbzj', comment: '同意', awaitingReassignment: false } }]);
  });
});
