// 重新办理 (Art. 10 last sentence, 11, 19; SPEC §5) in the given(events).when(command).then(events) form:
// a reply sent inside its deadline settles it; a send-back opens a round with its own deadline.
import { contextNeeds, decide, evolve, fold, nextDeadline, nextReminder, type DecidedEvent, type ProposalCommand, type ProposalState } from '../../index';
import { assigned, at, ctx, given, registered } from '../../../test/given';

const register = (level: 'municipal' | 'provincial' = 'municipal') => registered({ level, proposers: [{ name: '王晓明', username: 'deputy-1' }] });
const assignment = (level: 'municipal' | 'provincial' = 'municipal') =>
  assigned({ mode: 'single', leadUnitIds: ['cjj'], assignedOn: '2026-11-20' }, [register(level)]);

/** The events these commands decide, each at its own time, after `past`. */
function history(past: DecidedEvent[], steps: [ProposalCommand, string][], opts: { rehandlingDeadlines?: boolean } = {}): DecidedEvent[] {
  const out = [...past];
  let s = fold(past);
  for (const [command, now] of steps) {
    const es = decide(command, s, { ...ctx, now, ...opts });
    out.push(...es);
    s = es.reduce(evolve, s);
  }
  return out;
}

const replyId = 'r1';
const sent = (sentOn: string, level: 'municipal' | 'provincial' = 'municipal') =>
  history(
    [register(level), assignment(level)],
    [
      [{ type: 'SignReceipt', data: { unitId: 'cjj' } }, at('2026-11-21')],
      [{ type: 'CloseReturnWindow', data: { unitId: 'cjj' } }, at('2026-12-07')],
      [{ type: 'DraftReply', data: { replyId, unitId: 'cjj', category: 'B', body: '已列入明年计划' } }, at(sentOn)],
      [{ type: 'ReviewReply', data: { replyId, stage: 'unit_leader', approve: true, comment: '' } }, at(sentOn)],
      ...(level === 'municipal' ? [[{ type: 'ReviewReply', data: { replyId, stage: 'office', approve: true, comment: '' } }, at(sentOn)] as [ProposalCommand, string]] : []),
      [{ type: 'SendReply', data: { replyId } }, at(sentOn)],
    ],
  );
const sendBack: ProposalCommand = { type: 'SubmitFeedback', data: { replyId, attitude: 'dissatisfied', result: 'dissatisfied', contact: 'phone', sendBack: true } };
const pass: ProposalCommand = { type: 'PassReplyDeadline', data: { unitId: 'cjj' } };
const explain: ProposalCommand = { type: 'FileExplanation', data: { unitId: 'cjj', reasons: '需重新协调资金', measures: '已报请市财政局', expectedOn: '2027-04-30' } };

// The first deadline: 2026-11-20 + 3 months = 2027-02-20, a Saturday → Monday 2027-02-22, 24:00 Shanghai.
const ORIGINAL_DUE = '2027-02-22T16:00:00.000Z';
// Replied on 2027-02-15 (inside it); the proposer sends it back on 2027-03-01, after it ended.
const lateSendBack = at('2027-03-01');
// The re-handling: 2027-03-01 + 1 month = 2027-04-01 (a Thursday), 24:00 Shanghai.
const REHANDLING_DUE = '2027-04-01T16:00:00.000Z';

const unit = (s: ProposalState) => s.units[0];
const after = (past: DecidedEvent[], command: ProposalCommand, now: string) => history(past, [[command, now]]);

describe('重新办理: a send-back opens a round with its own reply deadline (SPEC §5)', () => {
  const replied = sent('2027-02-15');

  it('given a reply sent in time, when the proposer sends it back after the original deadline, then RehandlingStarted with a deadline from the send-back', () => {
    expect(fold(replied).units[0].replyDue.dueAt).toBe(ORIGINAL_DUE);
    given(replied).when(sendBack, { now: lateSendBack }).then((events, s) => {
      expect(events.map((e) => e.type)).toEqual(['FeedbackReceived', 'RehandlingStarted']);
      expect(events[1]).toMatchObject({
        occurredAt: lateSendBack,
        data: { unitId: 'cjj', round: 2, replyId, replyDue: { lastDay: '2027-04-01', dueAt: REHANDLING_DUE } },
      });
      const due = events[1].type === 'RehandlingStarted' ? events[1].data.replyDue : undefined;
      expect(due?.explanation.text).toContain('代表委员于 2027-03-01 退回重新办理');
      expect(due?.explanation).toMatchObject({ start: '2027-03-01', countingStartsOn: '2027-03-02', nominalLastDay: '2027-04-01' });
      // The unit handles it again under the new deadline; round 1 is kept with its own, answered in time.
      expect(unit(s)).toMatchObject({ status: 'handling', replyDue: { dueAt: REHANDLING_DUE }, rehandling: { round: 2, startedAt: lateSendBack, replyId } });
      expect(unit(s).replyDeadlinePassed).toBeUndefined();
      expect(unit(s).pastRounds).toEqual([
        expect.objectContaining({ round: 1, replyDue: expect.objectContaining({ dueAt: ORIGINAL_DUE }), repliedAt: at('2027-02-15') }),
      ]);
      // No timer at the original deadline: the next one is the new round's first reminder.
      expect(nextDeadline(s)).toMatchObject({ at: '2027-03-02T16:00:00.000Z', command: { type: 'IssueReminder', data: { key: 'r2:reply:P30D', dueAt: REHANDLING_DUE } } });
      expect(nextDeadline(s, { replyDeadlines: true, reminders: false })).toEqual({ at: REHANDLING_DUE, command: pass });
    });
  });

  it('given the send-back after the original deadline, then no timer falls before the new deadline', () => {
    const s = fold(after(replied, sendBack, lateSendBack));
    const plan = nextDeadline(s, { replyDeadlines: true, reminders: false });
    expect(Date.parse(plan!.at)).toBeGreaterThan(Date.parse(lateSendBack));
    expect(unit(s).replyDeadlinePassed).toBeUndefined();
  });

  it('given the item replayed as before the change (rehandlingDeadlines false), then the send-back decides no RehandlingStarted and the old deadline fires', () => {
    const old = history(replied, [[sendBack, lateSendBack]], { rehandlingDeadlines: false });
    expect(old.at(-1)!.type).toBe('FeedbackReceived');
    given(old).when(pass, { now: lateSendBack, rehandlingDeadlines: false }).then((es) =>
      expect(es[0].data).toMatchObject({ dueAt: ORIGINAL_DUE, accountabilityFlagged: true }),
    );
  });

  it('given a send-back before the original deadline, then the re-handling still runs on its own deadline, from the send-back', () => {
    const early = sent('2026-12-01');
    // 2026-12-10 + 1 month = 2027-01-10, a Sunday → Monday 2027-01-11.
    given(early).when(sendBack, { now: at('2026-12-10') }).then((events, s) => {
      expect(events[1]).toMatchObject({ type: 'RehandlingStarted', data: { round: 2, replyDue: { lastDay: '2027-01-11', dueAt: '2027-01-11T16:00:00.000Z' } } });
      expect(unit(s).replyDue.dueAt).toBe('2027-01-11T16:00:00.000Z');
    });
  });

  it('given the re-handling, when its deadline passes unanswered, then overdue against it, with accountability', () => {
    const back = after(replied, sendBack, lateSendBack);
    given(back).when(pass, { now: at('2027-04-02') }).then([
      { type: 'ReplyDeadlinePassed', occurredAt: REHANDLING_DUE, data: { unitId: 'cjj', dueAt: REHANDLING_DUE, explained: false, accountabilityFlagged: true } },
    ]);
  });

  it('given the re-handling, an explanation after the original deadline but before the new one is accepted, and the unit is then delayed with explanation', () => {
    const back = after(replied, sendBack, lateSendBack);
    const filed = given(back).when(explain, { now: at('2027-03-10') }).then((es) => expect(es.map((e) => e.type)).toEqual(['ExplanationFiled']));
    given([...back, ...filed]).when(pass, { now: at('2027-04-02') }).then((es) => expect(es[0].data).toMatchObject({ dueAt: REHANDLING_DUE, explained: true, accountabilityFlagged: false }));
    given(back).when(explain, { now: REHANDLING_DUE }).thenFails('REPLY_DEADLINE_PASSED', { details: { dueAt: REHANDLING_DUE } });
  });

  it('reminders of the round: 30 and 7 days before the new deadline, then weekly while overdue, keyed by round', () => {
    let past = after(replied, sendBack, lateSendBack);
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = fold(past);
      const r = nextReminder(unit(s), s.policy)!;
      keys.push(`${r.key}@${r.remindAt}`);
      past = after(past, { type: 'IssueReminder', data: { unitId: 'cjj', ...r } }, r.remindAt);
      if (i === 1) past = after(past, pass, REHANDLING_DUE);
    }
    expect(keys).toEqual([
      'r2:reply:P30D@2027-03-02T16:00:00.000Z',
      'r2:reply:P7D@2027-03-25T16:00:00.000Z',
      'r2:overdue:1@2027-04-08T16:00:00.000Z',
    ]);
    const issued = past.filter((e) => e.type === 'ReminderIssued');
    expect(issued.map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'reply', reminder: 'reply_30d', dueAt: REHANDLING_DUE }),
      expect.objectContaining({ kind: 'reply', reminder: 'reply_7d', dueAt: REHANDLING_DUE }),
      expect.objectContaining({ kind: 'overdue', reminder: 'overdue_weekly', dueAt: REHANDLING_DUE }),
    ]);
  });

  it('given round 1 ended overdue and was answered late, then the re-handling starts clean and round 1 keeps its flag', () => {
    const lateReply = history(
      [register(), assignment()],
      [
        [{ type: 'SignReceipt', data: { unitId: 'cjj' } }, at('2026-11-21')],
        [{ type: 'CloseReturnWindow', data: { unitId: 'cjj' } }, at('2026-12-07')],
        [pass, at('2027-02-23')],
        [{ type: 'DraftReply', data: { replyId, unitId: 'cjj', category: 'B', body: '已列入明年计划' } }, at('2027-02-25')],
        [{ type: 'ReviewReply', data: { replyId, stage: 'unit_leader', approve: true, comment: '' } }, at('2027-02-25')],
        [{ type: 'ReviewReply', data: { replyId, stage: 'office', approve: true, comment: '' } }, at('2027-02-25')],
        [{ type: 'SendReply', data: { replyId } }, at('2027-02-25')],
      ],
    );
    const s = given(after(lateReply, sendBack, lateSendBack)).state;
    expect(unit(s).replyDeadlinePassed).toBeUndefined();
    expect(unit(s).pastRounds![0]).toMatchObject({ round: 1, replyDeadlinePassed: { accountabilityFlagged: true }, repliedAt: at('2027-02-25') });
    expect(nextReminder(unit(s), s.policy)).toMatchObject({ key: 'r2:reply:P30D' });
  });

  it('given a provincial item, when the proposer does not accept the opinion, then the re-handling opens with its own deadline', () => {
    const opinion = sent('2027-02-15', 'provincial');
    const notAccepted: ProposalCommand = { type: 'SubmitFeedback', data: { replyId, attitude: 'satisfied', result: 'dissatisfied', contact: 'phone' } };
    given(opinion).when(notAccepted, { now: lateSendBack }).then((events, s) => {
      expect(events.map((e) => e.type)).toEqual(['FeedbackReceived', 'RehandlingStarted']);
      expect(events[1].data).toMatchObject({ round: 2, replyDue: { dueAt: REHANDLING_DUE } });
      expect(unit(s)).toMatchObject({ status: 'handling', replyDue: { dueAt: REHANDLING_DUE } });
    });
  });

  it('a satisfied answer opens nothing', () => {
    const satisfied: ProposalCommand = { type: 'SubmitFeedback', data: { replyId, attitude: 'satisfied', result: 'satisfied', contact: 'phone' } };
    given(replied).when(satisfied, { now: lateSendBack }).then((es) => expect(es.map((e) => e.type)).toEqual(['FeedbackReceived', 'ProposalArchived']));
  });

  it('the policy sets the period (rehandlingPeriod); a policy from before it counts 1 month', () => {
    const short = history([register(), assignment()], []);
    const withPolicy = short.map((e) => (e.type === 'ProposalRegistered' ? { ...e, data: { ...e.data, policy: { ...e.data.policy, rehandlingPeriod: 'P15D' } } } : e));
    const rest = sent('2027-02-15').slice(2);
    given([...withPolicy, ...rest]).when(sendBack, { now: lateSendBack }).then((es) => expect(es[1].data).toMatchObject({ replyDue: { lastDay: '2027-03-16' } }));
    const legacy = short.map((e) => {
      if (e.type !== 'ProposalRegistered') return e;
      const { rehandlingPeriod, ...policy } = e.data.policy;
      return { ...e, data: { ...e.data, policy } };
    });
    given([...legacy, ...rest]).when(sendBack, { now: lateSendBack }).then((es) => expect(es[1].data).toMatchObject({ replyDue: { dueAt: REHANDLING_DUE } }));
  });

  it('a calendar amendment recounts the running re-handling deadline from the send-back, with its own period', () => {
    const back = after(replied, sendBack, lateSendBack);
    const holiday = { coveredYears: [2026, 2027], overrides: [{ date: '2027-04-01', kind: 'holiday' as const, name: '测试假日' }] };
    given(back).when({ type: 'RecomputeDeadlines', data: { reason: '节假日调整' } }, { now: at('2027-03-05'), calendar: holiday }).then((es, s) => {
      expect(es[0].data).toMatchObject({ units: [{ unitId: 'cjj', replyDue: { from: { dueAt: REHANDLING_DUE }, to: { lastDay: '2027-04-02' } } }] });
      expect(unit(s).replyDue.lastDay).toBe('2027-04-02');
    });
  });

  it('the feedback and the commands whose events may reopen a unit load the calendar first (unless replaying the old decision)', () => {
    expect(contextNeeds(sendBack, lateSendBack)).toEqual({ calendar: { fromYear: 2026, toYear: 2028 } });
    expect(contextNeeds({ type: 'ReopenForMergedItem', data: { mergedProposalId: 'x', replyId, unitId: 'cjj' } }, lateSendBack).calendar).toBeDefined();
    expect(contextNeeds(sendBack, lateSendBack, { rehandlingDeadlines: false })).toEqual({});
    // A command with needs of its own keeps them.
    expect(contextNeeds({ type: 'SendReply', data: { replyId } }, lateSendBack)).toEqual({ calendar: { fromYear: 2027, toYear: 2028 } });
  });
});
