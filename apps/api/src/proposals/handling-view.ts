import { nextProgressReport, type ProposalState, type UnitAssignment } from '@jyta/proposal-domain';
import type { UnitSupervisionViewDto } from './dto/handling.dto';

/** The detail's per-unit view of 会办意见, 请示 and 督办台账 (SPEC §4.2–§4.3, Art. 5). */
export function supervisionViewOf(u: UnitAssignment, state: ProposalState): UnitSupervisionViewDto {
  const requests = u.instructionRequests ?? [];
  const next = state.status === 'archived' ? undefined : nextProgressReport(u, state);
  return {
    opinionDueAt: u.opinionDue?.dueAt ?? null,
    opinionDueLastDay: u.opinionDue?.lastDay ?? null,
    opinionDueExplanation: u.opinionDue?.explanation?.text ?? '',
    coUnitOpinions: (u.coUnitOpinions ?? []).map((o) => ({ ...o })),
    opinionOverdueAt: u.opinionOverdue?.dueAt ?? null,
    instructionRequests: requests.map((r) => ({
      requestId: r.requestId,
      authority: r.authority,
      matter: r.matter,
      requestedAt: r.requestedAt,
      answer: r.answer ? { ...r.answer } : null,
    })),
    instructionsPending: requests.some((r) => !r.answer),
    progressReports: (u.progressReports ?? []).map((r) => ({ ...r })),
    progressReportsMissed: (u.progressReportsMissed ?? []).map((r) => ({ ...r })),
    nextProgressReport: next ?? null,
  };
}
