/** 与代表委员沟通 (Art. 14, 16): each contact of a unit with the proposer before its reply. */
import { shanghaiDate } from '@jyta/calendar-domain';
import type { Slice } from '../../slice';
import { invalid } from '../../shared/errors';
import { isDay, requireActiveUnit, updateActiveUnit } from '../../shared/queries';
import { CONTACT_METHODS } from '../../shared/values';

export const contactsSlice: Slice = {
  name: 'art14-contacts',
  articles: ['第十四条', '第十六条'],
  commands: ['RecordContact'],
  events: ['ContactRecorded'],
  assert(command, state, now) {
    if (command.type !== 'RecordContact') return;
    const unit = requireActiveUnit(state, command.data.unitId);
    const d = command.data;
    if (!CONTACT_METHODS.includes(d.method)) throw invalid('method', `method 须为 ${CONTACT_METHODS.join(' / ')}`);
    if (!isDay(d.on)) throw invalid('on', 'on 须为 YYYY-MM-DD 日期');
    if (d.on > shanghaiDate(now)) throw invalid('on', '沟通日期不能晚于今天');
    if (d.on < unit.assignedOn) throw invalid('on', `沟通日期不能早于接办日期 ${unit.assignedOn}`);
    if (!d.summary?.trim()) throw invalid('summary', '请填写沟通情况');
  },
  decide(command, _state, ctx) {
    if (command.type !== 'RecordContact') return [];
    const { unitId, method, on, summary } = command.data;
    return [{ type: 'ContactRecorded', occurredAt: ctx.now, data: { unitId, method, on, summary: summary.trim() } }];
  },
  evolve(state, event) {
    if (event.type !== 'ContactRecorded') return state;
    const { method, on, summary } = event.data;
    return updateActiveUnit(state, event.data.unitId, (u) => ({
      ...u,
      contacts: [...(u.contacts ?? []), { method, on, summary, recordedAt: event.occurredAt }],
    }));
  },
};
