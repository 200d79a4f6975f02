import type { Detail } from '../../api/client';
import { viceMayorTasks } from './tasks';

const reply = (over: Record<string, unknown>) => ({
  id: 'r1',
  unitId: 'jtj',
  status: 'sent',
  currentStage: null,
  draftedAt: '2026-11-01T02:00:00.000Z',
  sentAt: '2026-11-02T02:00:00.000Z',
  feedback: null,
  reading: null,
  documents: [],
  ...over,
});
const item = (id: string, over: Record<string, unknown>) =>
  ({ id, registeredAt: '2026-10-01T02:00:00.000Z', majorApproval: null, assignment: { mode: 'single', leaderInCharge: 'vice-mayor-1' }, replies: [], ...over }) as unknown as Detail;
const me = { username: 'vice-mayor-1' };
const dept = (u: string) => u !== 'cl';

describe("the vice mayor's queue (Art. 6, 9, 10)", () => {
  it('阅批: a major item put before me and not yet approved; not one put before another vice mayor or already approved', () => {
    const mine = item('a', { assignment: null, majorApproval: { viceMayor: 'vice-mayor-1', submittedAt: '2026-11-03T00:00:00.000Z' } });
    const other = item('b', { assignment: null, majorApproval: { viceMayor: 'vice-mayor-2', submittedAt: '2026-11-03T00:00:00.000Z' } });
    const done = item('c', { assignment: null, majorApproval: { viceMayor: 'vice-mayor-1', approvedAt: '2026-11-04T00:00:00.000Z' } });
    expect(viceMayorTasks([mine, other, done], me, dept).map((t) => [t.kind, t.item.id])).toEqual([['major', 'a']]);
  });

  it('审查 and 签发: a joint reply at my stage, a government document awaiting my signature; only where I am in charge', () => {
    const joint = item('a', { replies: [reply({ status: 'in_review', currentStage: 'vice_mayor' })] });
    const doc = item('b', { replies: [reply({ status: 'document_in_review', documents: [{ status: 'in_review', currentStage: 'vice_mayor_signature', compiledAt: '2026-11-05T00:00:00.000Z' }] })] });
    const notMine = item('c', { assignment: { mode: 'lead', leaderInCharge: 'vice-mayor-2' }, replies: [reply({ status: 'in_review', currentStage: 'vice_mayor' })] });
    const atUnit = item('d', { replies: [reply({ status: 'in_review', currentStage: 'unit_leader' })] });
    expect(viceMayorTasks([doc, joint, notMine, atUnit], me, dept).map((t) => [t.kind, t.item.id])).toEqual([
      ['review', 'a'],
      ['sign', 'b'],
    ]);
  });

  it('阅示: satisfied or basically satisfied replies of departments, not yet read; not dissatisfied, sent back, read or of a non-department', () => {
    const fb = (result: string, sendBack = false) => ({ attitude: 'satisfied', result, sendBack, at: '2026-11-06T00:00:00.000Z' });
    const ok = item('a', { status: 'archived', replies: [reply({ feedback: fb('basically_satisfied') })] });
    const no = item('b', { replies: [reply({ feedback: fb('dissatisfied') })] });
    const back = item('c', { replies: [reply({ feedback: fb('satisfied', true) })] });
    const read = item('d', { replies: [reply({ feedback: fb('satisfied'), reading: { by: 'vice-mayor-1' } })] });
    const org = item('e', { replies: [reply({ unitId: 'cl', feedback: fb('satisfied') })] });
    expect(viceMayorTasks([ok, no, back, read, org], me, dept).map((t) => [t.kind, t.item.id])).toEqual([['read', 'a']]);
  });
});
