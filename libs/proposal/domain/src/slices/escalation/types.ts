/**
 * 催办升级: who a reminder goes to beyond the handler (whom ReminderIssued tells): the unit's
 * leader in charge (分管领导) as the reply deadline nears, then — once the unit is overdue without
 * an explanation — the chamber's liaison office (人大选任联工委 / 政协提案委) and the office (建议提案处).
 */
export type EscalationLevel = 'leader' | 'supervision';

/** The chamber whose liaison office hears of an overdue item: the NPC's for 建议, the CPPCC's for 提案. */
export type Chamber = 'npc' | 'cppcc';

/** The timer escalates a reminder to the next level. */
export interface EscalateReminder {
  type: 'EscalateReminder';
  data: { unitId: string; level: EscalationLevel; key: string; remindAt: string; dueAt: string };
}

export interface ReminderEscalated {
  type: 'ReminderEscalated';
  data: {
    unitId: string;
    level: EscalationLevel;
    /** As ReminderIssued's key: the plan it carried out (round, level, offset or count). */
    key: string;
    /** The reply deadline it is about. */
    dueAt: string;
    /** Whose liaison office is told (supervision level). */
    chamber: Chamber;
    /** The deadline had passed (and no explanation was filed) when it was sent. */
    overdue: boolean;
  };
}
