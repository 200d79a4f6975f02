/**
 * The figures of Art. 16 (SPEC §8) from the cases of the items (facts.ts), as they stood at a
 * moment: on-time replies, face-to-face contact, satisfaction of key items and 建议案, satisfaction
 * of all items, solved share (category A). The rules are written down in docs/kpis.md; each
 * function here is the rule, the read side (libs/stats/data-access) only selects the cases.
 */
import { chamberOf, foldFacts, isKeyOrRecommendation, type Case, type Category, type Chamber, type FeedbackResult, type HistoryEvent, type ItemFacts } from './facts';

export const KPI_NAMES = ['on_time', 'face_to_face', 'key_satisfaction', 'satisfaction', 'solved'] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** Targets of Art. 16, in per mille (so that 197/200 meets 98.5% exactly, without floating point). */
export const KPI_TARGETS_PERMILLE: Record<KpiName, number> = {
  on_time: 1000,
  face_to_face: 1000,
  key_satisfaction: 1000,
  satisfaction: 985,
  solved: 450,
};

export const KPI_LABELS: Record<KpiName, string> = {
  on_time: '按时答复率',
  face_to_face: '见面沟通率',
  key_satisfaction: '重点建议提案及建议案满意率',
  satisfaction: '满意率',
  solved: '解决率（A类）',
};

/** What a case counts as for one figure; null: the figure does not concern it. */
export type OnTimeOutcome = 'on_time' | 'late' | 'pending';
export type FaceToFaceOutcome = 'face_to_face' | 'other' | 'pending';
export type SatisfactionOutcome = 'satisfied' | 'basically_satisfied' | 'dissatisfied' | 'no_feedback' | 'pending';
export type SolvedOutcome = 'A' | 'B' | 'C' | 'D' | 'pending';
export interface CaseOutcomes {
  on_time: OnTimeOutcome | null;
  face_to_face: FaceToFaceOutcome | null;
  key_satisfaction: SatisfactionOutcome | null;
  satisfaction: SatisfactionOutcome | null;
  solved: SolvedOutcome | null;
}
export type Outcome = NonNullable<CaseOutcomes[KpiName]>;

/** The outcomes in each figure's numerator; every outcome but 'pending' is in its denominator. */
export const NUMERATOR: Record<KpiName, readonly Outcome[]> = {
  on_time: ['on_time'],
  face_to_face: ['face_to_face'],
  key_satisfaction: ['satisfied', 'basically_satisfied'],
  satisfaction: ['satisfied', 'basically_satisfied'],
  solved: ['A'],
};

export const OUTCOMES: Record<KpiName, readonly Outcome[]> = {
  on_time: ['on_time', 'late', 'pending'],
  face_to_face: ['face_to_face', 'other', 'pending'],
  key_satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied', 'no_feedback', 'pending'],
  satisfaction: ['satisfied', 'basically_satisfied', 'dissatisfied', 'no_feedback', 'pending'],
  solved: ['A', 'B', 'C', 'D', 'pending'],
};

/** One case with what the groupings need of its item. */
export interface CaseRecord {
  proposalId: string;
  number: string;
  title: string;
  kind: string;
  level: string;
  sessionYear: number;
  key: boolean;
  leaderInCharge: string | null;
  mergedInto: string | null;
  case: Case;
}

/** The cases of an item (none before it is registered). */
export function casesOf(f: ItemFacts): CaseRecord[] {
  if (!f.number) return [];
  const { drafts: _drafts, cases, ...item } = f;
  return cases.map((c) => ({ ...item, case: c }));
}

const ms = (iso: string) => Date.parse(iso);

/**
 * What a case's outcomes at any moment depend on, settled when its facts change: the read side
 * stores these columns with each version and classifies them in SQL exactly as
 * outcomesFromColumns() does (libs/stats/data-access/src/queries.ts).
 */
export interface CaseColumns {
  /** Counted in the handling figures (on time, face to face): not a merged item's copy. */
  handled: boolean;
  /** A round was answered after its deadline, or its deadline passed unanswered (ReplyDeadlinePassed). */
  lateSettled: boolean;
  /** A round was answered by its deadline. */
  onTimeSettled: boolean;
  /** The deadline of the round awaiting a reply (null: none, or not known yet). */
  openDueAt: string | null;
  replied: boolean;
  faceToFace: boolean;
  keyOrRecommendation: boolean;
  feedback: FeedbackResult | null;
  category: Category | null;
  /** Category B replies sent and not fulfilled yet (an informational figure, no target). */
  openPromises: number;
}

/**
 * Each reply round against its own deadline: answered by it → on time; answered after it, or its
 * deadline passed unanswered → late (settled); an open round becomes late once the moment is past
 * its deadline. The case is late if any round was, on time if a round was and none late, pending
 * while no round is decided.
 */
export function caseColumns(r: CaseRecord): CaseColumns {
  const c = r.case;
  let lateSettled = false;
  let onTimeSettled = false;
  let openDueAt: string | null = null;
  for (const round of c.rounds) {
    if (round.repliedAt) {
      if (round.dueAt && ms(round.repliedAt) > ms(round.dueAt)) lateSettled = true;
      else onTimeSettled = true;
    } else if (round.deadlinePassed) {
      lateSettled = true;
    } else if (round.dueAt) {
      openDueAt = round.dueAt;
    }
  }
  return {
    handled: c.role !== 'merged_copy',
    lateSettled,
    onTimeSettled,
    openDueAt,
    replied: !!c.repliedAt,
    faceToFace: c.faceToFace,
    keyOrRecommendation: isKeyOrRecommendation(r),
    feedback: c.feedback,
    category: c.category,
    openPromises: c.openPromises?.length ?? 0,
  };
}

/** What the columns count as in each figure at the instant `at`. */
export function outcomesFromColumns(k: CaseColumns, at: string): CaseOutcomes {
  const onTime: OnTimeOutcome = k.lateSettled || (k.openDueAt && ms(at) > ms(k.openDueAt)) ? 'late' : k.onTimeSettled ? 'on_time' : 'pending';
  const satisfaction: SatisfactionOutcome = k.feedback ?? 'pending';
  return {
    // A merged item's handling (deadline, contact) is its main item's, counted there once.
    on_time: k.handled ? onTime : null,
    face_to_face: k.handled ? (!k.replied ? 'pending' : k.faceToFace ? 'face_to_face' : 'other') : null,
    key_satisfaction: k.keyOrRecommendation ? satisfaction : null,
    satisfaction,
    solved: k.replied && k.category ? k.category : 'pending',
  };
}

/** What `r` counts as in each figure at the instant `at` (its facts folded from the events recorded by then). */
export function caseOutcomes(r: CaseRecord, at: string): CaseOutcomes {
  return outcomesFromColumns(caseColumns(r), at);
}

export interface Figure {
  numerator: number;
  denominator: number;
  /** Cases the figure concerns that are not decided yet (not in the denominator). */
  pending: number;
  /** numerator / denominator; null when nothing is decided yet. */
  rate: number | null;
  target: number;
  /** null when nothing is decided yet. */
  met: boolean | null;
}
export type Figures = Record<KpiName, Figure>;

/** How many cases have each outcome, per figure (what a grouped query answers). */
export type OutcomeCounts = Record<KpiName, Partial<Record<Outcome, number>>>;

export const emptyCounts = (): OutcomeCounts => ({ on_time: {}, face_to_face: {}, key_satisfaction: {}, satisfaction: {}, solved: {} });

/** Adds `n` cases with these outcomes to `into`. */
export function addOutcomes(into: OutcomeCounts, o: CaseOutcomes, n = 1): OutcomeCounts {
  for (const kpi of KPI_NAMES) {
    const v = o[kpi];
    if (v !== null) into[kpi][v] = (into[kpi][v] ?? 0) + n;
  }
  return into;
}

/** The five figures from outcome counts. */
export function figuresFromCounts(counts: OutcomeCounts): Figures {
  const result = {} as Figures;
  for (const kpi of KPI_NAMES) {
    let numerator = 0;
    let denominator = 0;
    let pending = 0;
    for (const [v, n] of Object.entries(counts[kpi]) as [Outcome, number][]) {
      if (v === 'pending') {
        pending += n;
        continue;
      }
      denominator += n;
      if (NUMERATOR[kpi].includes(v)) numerator += n;
    }
    const targetPermille = KPI_TARGETS_PERMILLE[kpi];
    result[kpi] = {
      numerator,
      denominator,
      pending,
      rate: denominator ? numerator / denominator : null,
      target: targetPermille / 1000,
      met: denominator ? numerator * 1000 >= targetPermille * denominator : null,
    };
  }
  return result;
}

/** The five figures over a set of cases' outcomes. */
export function figuresOf(outcomes: readonly CaseOutcomes[]): Figures {
  const counts = emptyCounts();
  for (const o of outcomes) addOutcomes(counts, o);
  return figuresFromCounts(counts);
}

export interface KpiReport {
  year: number;
  /** The day asked for (end of it, Asia/Shanghai), or null for now. */
  asOf: string | null;
  /** The instant the figures stand at. */
  at: string;
  overall: Figures;
  /** Open promises (category B replies not fulfilled yet): informational, no target. */
  openPromises: number;
  byChamber: { chamber: Chamber; figures: Figures; openPromises: number }[];
  byUnit: { unitId: string; figures: Figures; openPromises: number }[];
  /** Per vice mayor in charge (the assignment's leaderInCharge); null: none named. */
  byPortfolio: { leaderInCharge: string | null; figures: Figures; openPromises: number }[];
}

/** Cases of one unit, kind and vice mayor in charge with the same outcomes, and how many. */
export interface OutcomeGroup {
  unitId: string;
  kind: string;
  leaderInCharge: string | null;
  outcomes: CaseOutcomes;
  n: number;
  /** The open promises of these cases (all of them together). */
  openPromises?: number;
}

type Counted = Pick<OutcomeGroup, 'outcomes' | 'n' | 'openPromises'>;

function groupFigures<K, G extends Counted>(groups: readonly G[], key: (g: G) => K): { key: K; figures: Figures; openPromises: number }[] {
  const by = new Map<K, { counts: OutcomeCounts; openPromises: number }>();
  for (const g of groups) {
    const k = key(g);
    let c = by.get(k);
    if (!c) by.set(k, (c = { counts: emptyCounts(), openPromises: 0 }));
    addOutcomes(c.counts, g.outcomes, g.n);
    c.openPromises += g.openPromises ?? 0;
  }
  return [...by.entries()]
    .sort(([a], [b]) => String(a ?? '').localeCompare(String(b ?? '')))
    .map(([k, c]) => ({ key: k, figures: figuresFromCounts(c.counts), openPromises: c.openPromises }));
}

/**
 * How many cases have one outcome of one figure in one grouping (or, with kpi 'open_promises', how
 * many promises are open there): what the read side's GROUPING SETS query over its counters gives.
 * `key` is the chamber, unit or vice mayor in charge (null for 'all', or no vice mayor named).
 */
export interface LevelCount {
  level: 'all' | 'chamber' | 'unit' | 'portfolio';
  key: string | null;
  kpi: KpiName | 'open_promises';
  outcome: Outcome | 'open';
  n: number;
}

const NO_OUTCOMES: CaseOutcomes = { on_time: null, face_to_face: null, key_satisfaction: null, satisfaction: null, solved: null };

/** The report from counts already summed per grouping (the same figures, order and shape as kpiReportFromGroups). */
export function kpiReportFromLevels(rows: readonly LevelCount[], opts: { year: number; at: string; asOf?: string | null }): KpiReport {
  const at = (level: LevelCount['level']) =>
    rows
      .filter((r) => r.level === level)
      .map((r) => ({
        key: r.key,
        ...(r.kpi === 'open_promises' ? { outcomes: NO_OUTCOMES, n: 0, openPromises: r.n } : { outcomes: { ...NO_OUTCOMES, [r.kpi]: r.outcome }, n: r.n }),
      }));
  const overall = groupFigures(at('all'), () => 'all')[0];
  return {
    year: opts.year,
    asOf: opts.asOf ?? null,
    at: opts.at,
    overall: overall?.figures ?? figuresOf([]),
    openPromises: overall?.openPromises ?? 0,
    byChamber: groupFigures(at('chamber'), (g) => g.key as Chamber).map((g) => ({ chamber: g.key, figures: g.figures, openPromises: g.openPromises })),
    byUnit: groupFigures(at('unit'), (g) => g.key as string).map((g) => ({ unitId: g.key, figures: g.figures, openPromises: g.openPromises })),
    byPortfolio: groupFigures(at('portfolio'), (g) => g.key).map((g) => ({ leaderInCharge: g.key, figures: g.figures, openPromises: g.openPromises })),
  };
}

/** The report from grouped outcomes (what the read side's grouped query gives; see kpiReport). */
export function kpiReportFromGroups(groups: readonly OutcomeGroup[], opts: { year: number; at: string; asOf?: string | null }): KpiReport {
  const overall = groupFigures(groups, () => 'all')[0];
  return {
    year: opts.year,
    asOf: opts.asOf ?? null,
    at: opts.at,
    overall: overall?.figures ?? figuresOf([]),
    openPromises: overall?.openPromises ?? 0,
    byChamber: groupFigures(groups, (g) => chamberOf(g.kind)).map((g) => ({ chamber: g.key, figures: g.figures, openPromises: g.openPromises })),
    byUnit: groupFigures(groups, (g) => g.unitId).map((g) => ({ unitId: g.key, figures: g.figures, openPromises: g.openPromises })),
    byPortfolio: groupFigures(groups, (g) => g.leaderInCharge).map((g) => ({ leaderInCharge: g.key, figures: g.figures, openPromises: g.openPromises })),
  };
}

/** The figures of the cases given (already restricted to what the reader may see), at `at`. */
export function kpiReport(records: readonly CaseRecord[], opts: { year: number; at: string; asOf?: string | null }): KpiReport {
  const groups = records
    .filter((r) => r.sessionYear === opts.year)
    .map((r) => ({ unitId: r.case.unitId, kind: r.kind, leaderInCharge: r.leaderInCharge, outcomes: caseOutcomes(r, opts.at), n: 1, openPromises: r.case.openPromises?.length ?? 0 }));
  return kpiReportFromGroups(groups, opts);
}

/** Which cases a drill-down lists: one outcome, or all of the numerator / denominator / pending. */
export type OutcomeFilter = Outcome | 'numerator' | 'denominator';

export interface DrillDownItem {
  proposalId: string;
  number: string;
  title: string;
  kind: string;
  unitId: string;
  leaderInCharge: string | null;
  outcome: Outcome;
}

export function matchesOutcome(kpi: KpiName, outcome: Outcome | null, filter?: OutcomeFilter): outcome is Outcome {
  if (outcome === null) return false;
  if (!filter) return true;
  if (filter === 'numerator') return NUMERATOR[kpi].includes(outcome);
  if (filter === 'denominator') return outcome !== 'pending';
  return outcome === filter;
}

/** A case as the drill-down lists it, with its outcome for `kpi` at `at`. */
export function drillDownItem(r: CaseRecord, at: string, kpi: KpiName): DrillDownItem | undefined {
  const outcome = caseOutcomes(r, at)[kpi];
  if (outcome === null) return undefined;
  return { proposalId: r.proposalId, number: r.number, title: r.title, kind: r.kind, unitId: r.case.unitId, leaderInCharge: r.leaderInCharge, outcome };
}

/** Code-point order (as the read side's COLLATE "C"), so that pages never depend on a locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cases behind a figure (sorted by number, then unit). */
export function drillDown(records: readonly CaseRecord[], opts: { year: number; at: string; kpi: KpiName; outcome?: OutcomeFilter }): DrillDownItem[] {
  const out: DrillDownItem[] = [];
  for (const r of records) {
    if (r.sessionYear !== opts.year) continue;
    const item = drillDownItem(r, opts.at, opts.kpi);
    if (item && matchesOutcome(opts.kpi, item.outcome, opts.outcome)) out.push(item);
  }
  return out.sort((a, b) => byCodePoint(a.number, b.number) || byCodePoint(a.unitId, b.unitId));
}

// ---- asOf ---------------------------------------------------------------------------------------

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The end of a day in Asia/Shanghai (24:00 = the next day's 00:00 +08:00) as an ISO instant; undefined if not a real date. */
export function endOfShanghaiDay(day: string): string | undefined {
  const m = DAY.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  // 24:00 in Shanghai (UTC+8, no daylight saving) is 16:00 UTC of the same date.
  return new Date(Date.UTC(y, mo - 1, d, 16)).toISOString();
}

/** The events recorded before `at` (what the system knew then). */
export const recordedBefore = (history: readonly HistoryEvent[], at: string) => history.filter((e) => ms(e.recordedAt) < ms(at));

/**
 * The figures straight from item histories, as they stood at `at` — the rule in one call (the read
 * side gives the same answer from its table, see libs/stats/data-access).
 */
export function kpisFromHistories(
  histories: readonly { proposalId: string; events: readonly HistoryEvent[] }[],
  opts: { year: number; at: string; asOf?: string | null },
): KpiReport {
  const records = histories.flatMap((h) => casesOf(foldFacts(h.proposalId, recordedBefore(h.events, opts.at))));
  return kpiReport(records, opts);
}
