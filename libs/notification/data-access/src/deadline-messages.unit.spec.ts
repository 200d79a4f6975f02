import { messageFor, NOTIFIED_EVENT_TYPES, recipientsFor, type DirectoryUser, type NotifiableEvent } from './messages';
import { names, user } from './testing/directory';

const directory: DirectoryUser[] = [
  user('office', 'office'),
  user('deputy-1', 'proposer'),
  user('jtj-handler', 'unit_handler', 'jtj'),
  user('jtj-leader', 'unit_leader', 'jtj'),
  user('cjj-handler', 'unit_handler', 'cjj'),
  user('rsj-handler', 'unit_handler', 'rsj'),
];
const unitNames = new Map([
  ['jtj', '市交通局'],
  ['cjj', '市城建局'],
]);
const proposal = { title: '关于延长地铁运营时间的建议', number: '2026-建议-0042', proposerUsernames: ['deputy-1'] };
const REASON = '节假日安排调整：2027 年（管理员 admin）';
const moved: NotifiableEvent = {
  eventId: 'e-1',
  type: 'DeadlinesRecomputed',
  data: {
    reason: REASON,
    units: [
      {
        unitId: 'jtj',
        replyDue: { from: { lastDay: '2027-02-22', dueAt: '2027-02-22T16:00:00.000Z' }, to: { lastDay: '2027-02-23', dueAt: '2027-02-23T16:00:00.000Z' } },
      },
      {
        unitId: 'cjj',
        opinionDue: {
          from: { lastDay: '2027-01-25', dueAt: '2027-01-25T16:00:00.000Z', provisional: { missingYears: [2027] } },
          to: { lastDay: '2027-01-25', dueAt: '2027-01-25T16:00:00.000Z' },
        },
      },
    ],
    feedback: [{ replyId: 'r1', unitId: 'rsj', from: '2026-12-23T16:00:00.000Z', to: '2026-12-24T16:00:00.000Z', lastDay: '2026-12-24' }],
  },
};

describe('节假日安排调整 notices (SPEC §5)', () => {
  it('is a notified event type; the units whose deadlines moved hear of it, handlers and leaders', () => {
    expect(NOTIFIED_EVENT_TYPES).toContain('DeadlinesRecomputed');
    expect(names(recipientsFor(moved, directory, proposal))).toEqual(['jtj-handler', 'jtj-leader', 'cjj-handler', 'rsj-handler']);
  });

  it('each unit reads its own dates and the reason', () => {
    const jtj = messageFor(moved, proposal, { recipient: { unitId: 'jtj' }, unitNames })!;
    expect(jtj).toEqual({
      kind: 'deadline_changed',
      title: '期限调整：《关于延长地铁运营时间的建议》',
      body: `因${REASON}，《关于延长地铁运营时间的建议》（2026-建议-0042）（市交通局）的期限已按新的节假日安排重新计算：答复期限由 2027-02-22 调整为 2027-02-23。已届满的期限不变。`,
    });
    expect(messageFor(moved, proposal, { recipient: { unitId: 'cjj' }, unitNames })!.body).toContain('会办意见期限仍为 2027-01-25（已按新日历核定）');
    expect(messageFor(moved, proposal, { recipient: { unitId: 'rsj' }, unitNames })!.body).toContain('代表委员反馈期限由 2026-12-23 调整为 2026-12-24');
  });

  it('an event without a reason (not of this shape) tells nobody', () => {
    const odd: NotifiableEvent = { eventId: 'e-2', type: 'DeadlinesRecomputed', data: { units: [{ unitId: 'jtj' }] } };
    expect(recipientsFor(odd, directory, proposal)).toEqual([]);
    expect(messageFor(odd, proposal, { recipient: { unitId: 'jtj' } })).toBeUndefined();
  });
});

describe('重新办理 notices (SPEC §5)', () => {
  const rehandling: NotifiableEvent = {
    eventId: 'e-3',
    type: 'RehandlingStarted',
    data: { unitId: 'jtj', round: 2, replyId: 'r1', replyDue: { lastDay: '2027-04-01', dueAt: '2027-04-01T16:00:00.000Z', explanation: { text: '…' } } },
  };

  it('the unit sent back hears of it, handlers and leaders, with the new reply deadline', () => {
    expect(NOTIFIED_EVENT_TYPES).toContain('RehandlingStarted');
    expect(names(recipientsFor(rehandling, directory, proposal))).toEqual(['jtj-handler', 'jtj-leader']);
    expect(messageFor(rehandling, proposal, { recipient: { unitId: 'jtj' }, unitNames })).toEqual({
      kind: 'rehandling',
      title: '退回重新办理：《关于延长地铁运营时间的建议》，答复期限 2027-04-01',
      body:
        '《关于延长地铁运营时间的建议》（2026-建议-0042）（市交通局）：代表委员对答复不满意，该件已被退回重新办理（第 2 轮办理），答复期限为 2027-04-01。' +
        '请与代表委员再次沟通，认真办理并按期重新答复；确实不能按期答复的，应在期限届满前书面说明情况。',
    });
  });

  it('a test deadline in seconds reads as an instant; an event without a deadline tells nobody', () => {
    const seconds = { ...rehandling, data: { ...(rehandling.data as object), replyDue: { lastDay: null, dueAt: '2027-04-01T16:00:30.000Z' } } };
    expect(messageFor(seconds, proposal, { recipient: { unitId: 'jtj' }, unitNames })!.body).toContain('答复期限为 2027-04-02');
    expect(recipientsFor({ ...rehandling, data: { unitId: 'jtj' } }, directory, proposal)).toEqual([]);
  });
});
