import { USER_COMMANDS } from './commands';
import { nextDeadline } from './decider';
import { byCommand, byEvent, SLICES } from './registry';
import { fold } from './decider';
import { assigned, registered } from '../test/given';

describe('the registry', () => {
  it('every slice has its own folder name and every command and event type exactly one slice', () => {
    const names = SLICES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const commands = SLICES.flatMap((s) => s.commands);
    const events = SLICES.flatMap((s) => s.events);
    expect(new Set(commands).size).toBe(commands.length);
    expect(new Set(events).size).toBe(events.length);
    expect(byCommand.size).toBe(commands.length);
    expect(byEvent.size).toBe(events.length);
  });
  it('every command a person may send has a slice that decides it', () => {
    for (const c of USER_COMMANDS) expect(byCommand.get(c)?.name).toBeDefined();
  });
  it('timers of two slices due at the same instant keep the old order: per unit, reminder, return window, reply deadline', () => {
    // Two units assigned together: their return windows end at the same instant; the first unit's comes first.
    const s = fold([registered(), assigned({ mode: 'separate', leadUnitIds: ['a', 'b'], assignedOn: '2026-11-20' })]);
    expect(nextDeadline(s, { replyDeadlines: true, reminders: false })?.command).toEqual({ type: 'CloseReturnWindow', data: { unitId: 'a' } });
    // With reminders on, unit a's return-window reminder (3 days before) comes before any close.
    expect(nextDeadline(s)?.command).toMatchObject({ type: 'IssueReminder', data: { unitId: 'a', key: 'return_window:P3D' } });
  });
});
