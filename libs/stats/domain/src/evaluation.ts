/**
 * 年终考核 (Art. 21): units ranked from their Art. 16 figures with policy weights, for commendation
 * or criticism. Each figure scores its achievement against its target (rate / target, at most 1):
 * meeting 45% A-category replies scores as fully as meeting 100% on-time replies. A figure a unit
 * has nothing decided in (no key item, say) is left out and the other weights count in proportion,
 * so a unit is never marked down for what it was not given.
 */
import { KPI_NAMES, type Figures, type KpiName } from './kpis';

export type EvaluationWeights = Record<KpiName, number>;

/** Policy default (an administrator may set others): handling on time and satisfaction weigh most. */
export const DEFAULT_EVALUATION_WEIGHTS: EvaluationWeights = {
  on_time: 30,
  face_to_face: 20,
  key_satisfaction: 15,
  satisfaction: 25,
  solved: 10,
};

/**
 * The weights as the policy keeps them (`evaluationWeights`): as the administrator gives them,
 * relative — they need not sum to 1 or 100: evaluateUnits divides by the sum of the weights it
 * uses (normalising), so 30/20/15/25/10 and 0.3/0.2/0.15/0.25/0.1 rank alike. The default is
 * today's 30/20/15/25/10.
 */
export const DEFAULT_POLICY_EVALUATION_WEIGHTS: EvaluationWeights = DEFAULT_EVALUATION_WEIGHTS;

/** The weights as shares of 1 (what each weighs when every figure has something decided). */
export function normaliseWeights(w: EvaluationWeights): EvaluationWeights {
  const sum = KPI_NAMES.reduce((s, k) => s + w[k], 0);
  return Object.fromEntries(KPI_NAMES.map((k) => [k, Math.round((w[k] / sum) * 10_000) / 10_000])) as EvaluationWeights;
}

/** What is wrong with proposed weights (a sentence for the administrator), or undefined: one finite non-negative number per figure, not all 0. */
export function evaluationWeightsProblem(w: unknown): string | undefined {
  if (typeof w !== 'object' || w === null || Array.isArray(w)) return `须为对象 {${KPI_NAMES.join(', ')}}`;
  const unknown = Object.keys(w).filter((k) => !(KPI_NAMES as readonly string[]).includes(k));
  if (unknown.length) return `没有这些指标：${unknown.join('、')}（指标为 ${KPI_NAMES.join('、')}）`;
  for (const k of KPI_NAMES) {
    const v = (w as Record<string, unknown>)[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return `${k} 须为不小于 0 的数`;
  }
  if (KPI_NAMES.every((k) => (w as EvaluationWeights)[k] === 0)) return '权重不能全为 0';
  return undefined;
}

export interface UnitEvaluation {
  unitId: string;
  /** 0–100, two decimals; null when nothing of the unit is decided yet. */
  score: number | null;
  /** 1 = best; equal scores share a rank; null with the score. */
  rank: number | null;
  /** Every figure with something decided met its target (表彰). */
  commend: boolean;
  /** The figures that missed their targets (通报批评 when any). */
  missed: KpiName[];
  figures: Figures;
}

export function evaluateUnits(units: readonly { unitId: string; figures: Figures }[], weights: EvaluationWeights = DEFAULT_EVALUATION_WEIGHTS): UnitEvaluation[] {
  const scored = units.map(({ unitId, figures }) => {
    let sum = 0;
    let weight = 0;
    for (const k of KPI_NAMES) {
      const f = figures[k];
      if (f.rate === null || !weights[k]) continue;
      sum += weights[k] * Math.min(f.target ? f.rate / f.target : 1, 1);
      weight += weights[k];
    }
    const missed = KPI_NAMES.filter((k) => figures[k].met === false);
    return {
      unitId,
      score: weight ? Math.round((sum / weight) * 10_000) / 100 : null,
      rank: null as number | null,
      commend: weight > 0 && missed.length === 0,
      missed,
      figures,
    };
  });
  const ordered = [...scored].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.unitId.localeCompare(b.unitId));
  ordered.forEach((u, i) => {
    if (u.score === null) return;
    const prev = ordered[i - 1];
    u.rank = prev && prev.score === u.score ? prev.rank : i + 1;
  });
  return ordered;
}
