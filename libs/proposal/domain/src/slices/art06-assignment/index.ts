/**
 * 登记、交办、签收 (Art. 6, 17): the office registers an item and assigns it to one unit, to lead
 * and co-units, or to several units separately; every deadline of a unit counts from the day it
 * received the item (接办之日). A unit signs for it (签收); that moves no clock.
 * 改派 (Art. 6, 7): in 分别办理 a returned unit's part is assigned to another unit (ReassignPart),
 * which gets its own fresh windows; the other units' parts go on as they are.
 */
import { computeDeadlineReported, parsePeriod, shanghaiDate, type HolidayCalendar } from '@jyta/calendar-domain';
import type { AssignedUnit } from '../../events';
import type { CommandOf, Slice } from '../../slice';
import type { ProposalState, UnitAssignment } from '../../state';
import { withOpinionDues } from '../../shared/deadlines';
import { DomainError, ErrorCodes, invalid } from '../../shared/errors';
import { findActiveUnit, isDay, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import { ASSIGNMENT_MODES, PROPOSAL_KINDS, PROPOSAL_LEVELS, SESSION_PERIODS, type UnitRole } from '../../shared/values';

function checkRegistration(d: CommandOf<'RegisterProposal'>['data'], state: ProposalState) {
  if (state.status !== 'unregistered') throw new DomainError(ErrorCodes.ALREADY_REGISTERED, '该件已登记');
  if (!PROPOSAL_KINDS.includes(d.kind)) throw invalid('kind', `kind 须为 ${PROPOSAL_KINDS.join(' / ')}`);
  if (!PROPOSAL_LEVELS.includes(d.level)) throw invalid('level', `level 须为 ${PROPOSAL_LEVELS.join(' / ')}`);
  if (!SESSION_PERIODS.includes(d.period)) throw invalid('period', `period 须为 ${SESSION_PERIODS.join(' / ')}`);
  if (!Number.isInteger(d.sessionYear) || d.sessionYear < 2000 || d.sessionYear > 2100) throw invalid('sessionYear', '届次年份无效');
  if (!d.title?.trim()) throw invalid('title', '标题不能为空');
  if (!d.content?.trim()) throw invalid('content', '正文不能为空');
  if (!d.proposers?.length) throw invalid('proposers', '至少需要一位提出人');
  d.proposers.forEach((p, i) => {
    if (!p.name?.trim()) throw invalid(`proposers[${i}].name`, '提出人姓名不能为空');
  });
}

function checkAssignment(d: CommandOf<'AssignProposal'>['data'], state: ProposalState, now: string) {
  if (state.status === 'assigned') {
    const open = state.partsAwaitingReassignment ?? [];
    if (open.length) {
      // 分别办理: the returned part is re-assigned on its own; the other parts stay as they are.
      throw new DomainError(
        ErrorCodes.ALREADY_ASSIGNED,
        `该件已交办；单位 ${open.map((p) => p.unitId).join('、')} 退转的部分待改派，请改派该部分（不重新交办全件）`,
        409,
        { partsAwaitingReassignment: open.map((p) => ({ ...p })) },
      );
    }
    throw new DomainError(ErrorCodes.ALREADY_ASSIGNED, '该件已交办；只有全部主办单位退转后才能重新交办');
  }
  if (!ASSIGNMENT_MODES.includes(d.mode)) throw invalid('mode', `mode 须为 ${ASSIGNMENT_MODES.join(' / ')}`);
  if (!isDay(d.assignedOn)) {
    throw invalid('assignedOn', 'assignedOn 须为 YYYY-MM-DD 日期');
  }
  // Compare as Shanghai calendar days: an assignment may not be dated after today.
  if (d.assignedOn > shanghaiDate(now)) throw invalid('assignedOn', '接办日期不能晚于今天');
  const leads = d.leadUnitIds ?? [];
  const cos = d.coUnitIds ?? [];
  if (leads.length === 0) throw invalid('leadUnitIds', '至少需要一个承办单位');
  if (d.mode === 'single' && (leads.length !== 1 || cos.length > 0)) {
    throw invalid('leadUnitIds', '单一办理只能交一个单位，且没有会办单位');
  }
  if (d.mode === 'separate' && cos.length > 0) throw invalid('coUnitIds', '分别办理没有会办单位，每个单位各自答复');
  if (d.mode === 'separate' && leads.length < 2) throw invalid('leadUnitIds', '分别办理至少需要两个单位');
  const all = [...leads, ...cos];
  const dup = all.find((id, i) => all.indexOf(id) !== i);
  if (dup) throw invalid('coUnitIds', `单位 ${dup} 重复`);
  const stillActive = all.find((id) => findActiveUnit(state, id));
  if (stillActive) throw invalid('leadUnitIds', `单位 ${stillActive} 仍在承办此件`);
}

function checkReassignment(d: CommandOf<'ReassignPart'>['data'], state: ProposalState, now: string) {
  const part = (state.partsAwaitingReassignment ?? []).find((p) => p.unitId === d.fromUnitId);
  if (!part) {
    throw new DomainError(ErrorCodes.NO_PART_AWAITING_REASSIGNMENT, `单位 ${d.fromUnitId} 没有待改派的部分（分别办理中退转已同意的部分才能改派）`, 409, {
      fromUnitId: d.fromUnitId,
    });
  }
  if (!isDay(d.assignedOn)) throw invalid('assignedOn', 'assignedOn 须为 YYYY-MM-DD 日期');
  if (d.assignedOn > shanghaiDate(now)) throw invalid('assignedOn', '接办日期不能晚于今天');
  const returnedOn = shanghaiDate(part.since);
  if (d.assignedOn < returnedOn) throw invalid('assignedOn', `改派的接办日期不能早于同意退转之日 ${returnedOn}`);
  // A unit that holds a part, or gave one back, does not take this one (SPEC §4.1: a new unit).
  if (state.units.some((u) => u.unitId === d.toUnitId)) {
    throw new DomainError(ErrorCodes.UNIT_ALREADY_ON_ITEM, `单位 ${d.toUnitId} 已承办或已退转此件的一部分，不能再改派给它`, 409, { toUnitId: d.toUnitId });
  }
}

/** A unit's fresh windows (Art. 6, 7): the return window and the reply deadline, counted from its 接办之日. */
function freshUnit(
  state: ProposalState,
  args: { unitId: string; role: UnitRole; responsiblePerson?: string; assignedOn: string; at: string; calendar: HolidayCalendar },
): AssignedUnit {
  const policy = state.policy!;
  const replyPeriod = parsePeriod(state.details?.urgent ? policy.urgentReplyPeriod : policy.replyPeriod);
  const returnPeriod = parsePeriod(policy.returnWindow);
  const { assignedOn: start, at: startInstant, calendar } = args;
  return {
    unitId: args.unitId,
    role: args.role,
    responsiblePerson: args.responsiblePerson,
    returnWindow: computeDeadlineReported({ start, startInstant, period: returnPeriod, calendar }),
    replyDue: computeDeadlineReported({ start, startInstant, period: replyPeriod, calendar }),
  };
}

export const assignmentSlice: Slice = {
  name: 'art06-assignment',
  articles: ['第六条', '第十七条'],
  commands: ['RegisterProposal', 'AssignProposal', 'SignReceipt', 'ReassignPart'],
  events: ['ProposalRegistered', 'ProposalAssigned', 'ReceiptSigned', 'PartReassigned'],
  assert(command, state, now) {
    switch (command.type) {
      case 'RegisterProposal':
        return checkRegistration(command.data, state);
      case 'AssignProposal':
        return checkAssignment(command.data, state, now);
      case 'ReassignPart':
        return checkReassignment(command.data, state, now);
      case 'SignReceipt': {
        const unit = requireActiveUnit(state, command.data.unitId);
        if (unit.signedAt) throw new DomainError(ErrorCodes.ALREADY_SIGNED, '该单位已签收');
        return;
      }
    }
  },
  decide(command, state, ctx) {
    const at = ctx.now;
    switch (command.type) {
      case 'RegisterProposal': {
        if (!ctx.policy) throw new Error('decide(RegisterProposal) needs the policy');
        const d = command.data;
        if (!d.number) throw new Error('decide(RegisterProposal) needs the allocated number');
        return [
          {
            type: 'ProposalRegistered',
            occurredAt: at,
            data: {
              proposalId: d.proposalId,
              number: d.number,
              kind: d.kind,
              level: d.level,
              sessionYear: d.sessionYear,
              period: d.period,
              title: d.title.trim(),
              content: d.content,
              topic: d.topic,
              proposers: d.proposers,
              key: !!d.key,
              major: !!d.major,
              urgent: !!d.urgent,
              policy: ctx.policy,
            },
          },
        ];
      }
      case 'AssignProposal': {
        const d = command.data;
        const policy = state.policy;
        const calendar = ctx.calendar;
        if (!policy || !calendar) throw new Error('decide(AssignProposal) needs the policy and the calendar');
        const unit = (unitId: string, role: UnitRole): AssignedUnit =>
          freshUnit(state, { unitId, role, responsiblePerson: d.responsiblePersons?.[unitId], assignedOn: d.assignedOn, at, calendar });
        const units =
          d.mode === 'separate'
            ? d.leadUnitIds.map((id) => unit(id, 'separate'))
            : [...d.leadUnitIds.map((id) => unit(id, 'lead')), ...(d.coUnitIds ?? []).map((id) => unit(id, 'co'))];
        return [
          {
            type: 'ProposalAssigned',
            occurredAt: at,
            data: {
              mode: d.mode,
              assignedOn: d.assignedOn,
              leaderInCharge: d.leaderInCharge,
              division: d.division,
              // Co-units also get their opinion deadline (SPEC §4.2, shared/deadlines.ts).
              units: withOpinionDues(units, { assignedOn: d.assignedOn, at, policy, calendar: ctx.calendar }),
              reassignment: state.status === 'awaiting_reassignment',
            },
          },
        ];
      }
      case 'ReassignPart': {
        const d = command.data;
        if (!state.policy || !ctx.calendar) throw new Error('decide(ReassignPart) needs the policy and the calendar');
        const from = state.units.find((u) => u.unitId === d.fromUnitId && u.status === 'returned' && !u.reassignedTo);
        const responsiblePerson = d.responsiblePerson?.trim() || undefined;
        const unit = freshUnit(state, { unitId: d.toUnitId, role: from?.role ?? 'separate', responsiblePerson, assignedOn: d.assignedOn, at, calendar: ctx.calendar });
        return [{ type: 'PartReassigned', occurredAt: at, data: { fromUnitId: d.fromUnitId, assignedOn: d.assignedOn, unit } }];
      }
      case 'SignReceipt':
        return [{ type: 'ReceiptSigned', occurredAt: at, data: { unitId: command.data.unitId } }];
      default:
        return [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ProposalRegistered': {
        const { policy, ...details } = event.data;
        return { ...state, status: 'registered', details: { ...details, registeredAt: event.occurredAt }, policy };
      }
      case 'ProposalAssigned': {
        const d = event.data;
        const added: UnitAssignment[] = d.units.map((u) => ({
          unitId: u.unitId,
          role: u.role,
          responsiblePerson: u.responsiblePerson,
          status: 'assigned',
          assignedOn: d.assignedOn,
          returnWindow: u.returnWindow,
          replyDue: u.replyDue,
          returnRequests: [],
          contacts: [],
          assignedAt: event.occurredAt,
          remindersIssued: [],
          ...(u.opinionDue ? { opinionDue: u.opinionDue } : {}),
        }));
        // A new assignment of the whole item takes over every part that waited for one.
        const { partsAwaitingReassignment: _replaced, ...rest } = state;
        return {
          ...rest,
          status: 'assigned',
          assignment: { mode: d.mode, leaderInCharge: d.leaderInCharge, division: d.division },
          units: [...state.units, ...added],
        };
      }
      case 'PartReassigned': {
        const d = event.data;
        const u = d.unit;
        const from = state.units.findIndex((x) => x.unitId === d.fromUnitId && x.status === 'returned' && !x.reassignedTo);
        const units = state.units.map((x, i) => (i === from ? { ...x, reassignedTo: u.unitId } : x));
        const added: UnitAssignment = {
          unitId: u.unitId,
          role: u.role,
          responsiblePerson: u.responsiblePerson,
          status: 'assigned',
          assignedOn: d.assignedOn,
          returnWindow: u.returnWindow,
          replyDue: u.replyDue,
          returnRequests: [],
          reassignedFrom: d.fromUnitId,
          contacts: [],
          assignedAt: event.occurredAt,
          remindersIssued: [],
        };
        const open = (state.partsAwaitingReassignment ?? []).filter((p) => p.unitId !== d.fromUnitId);
        const { partsAwaitingReassignment: _done, ...rest } = state;
        return { ...rest, ...(open.length ? { partsAwaitingReassignment: open } : {}), status: 'assigned', units: [...units, added] };
      }
      case 'ReceiptSigned':
        return updateActiveUnit(state, event.data.unitId, (u) => ({ ...u, status: 'handling', signedAt: event.occurredAt }));
      default:
        return state;
    }
  },
  contextNeeds(command) {
    switch (command.type) {
      case 'RegisterProposal':
        return {
          policy: true,
          ...(command.data.number ? {} : { number: { year: command.data.sessionYear, kind: command.data.kind } }),
        };
      case 'AssignProposal':
      case 'ReassignPart': {
        // A reply period of months may run into the next year.
        const year = Number(command.data.assignedOn.slice(0, 4));
        return { calendar: { fromYear: year, toYear: year + 1 } };
      }
      default:
        return {};
    }
  },
};
