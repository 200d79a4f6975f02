import { DEFAULT_EVALUATION_WEIGHTS, DEFAULT_POLICY_EVALUATION_WEIGHTS, evaluateUnits, evaluationWeightsProblem, normaliseWeights } from './evaluation';
import { figuresOf, type CaseOutcomes } from './kpis';

const o = (over: Partial<CaseOutcomes>): CaseOutcomes => ({ on_time: null, face_to_face: null, key_satisfaction: null, satisfaction: null, solved: null, ...over });
const all = (onTime: CaseOutcomes['on_time'], solved: CaseOutcomes['solved'] = 'A') =>
  o({ on_time: onTime, face_to_face: 'face_to_face', satisfaction: 'satisfied', solved });

describe('evaluation (Art. 21)', () => {
  it('scores achievement against each target, weighted; ranks; commends who met every target, names what others missed', () => {
    const r = evaluateUnits([
      { unitId: 'jyj', figures: figuresOf([all('on_time'), all('late')]) }, // on time 50%
      { unitId: 'rsj', figures: figuresOf([all('on_time', 'A'), all('on_time', 'C')]) }, // solved 50% ≥ 45%: full marks
      { unitId: 'wjw', figures: figuresOf([all('pending', 'pending')].map((x) => ({ ...x, face_to_face: 'pending' as const, satisfaction: 'pending' as const }))) },
    ]);
    expect(r.map((u) => [u.unitId, u.score, u.rank, u.commend, u.missed])).toEqual([
      ['rsj', 100, 1, true, []],
      // key_satisfaction has nothing decided: left out; on_time scores 0.5 × 30 of 85 → 82.35
      ['jyj', 82.35, 2, false, ['on_time']],
      ['wjw', null, null, false, []],
    ]);
  });

  it('equal scores share a rank; weights are the policy', () => {
    const same = figuresOf([all('on_time')]);
    const r = evaluateUnits(
      [
        { unitId: 'b', figures: same },
        { unitId: 'a', figures: same },
        { unitId: 'c', figures: figuresOf([all('late')]) },
      ],
      { on_time: 1, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 0 },
    );
    expect(r.map((u) => [u.unitId, u.score, u.rank])).toEqual([
      ['a', 100, 1],
      ['b', 100, 1],
      ['c', 0, 3],
    ]);
  });

  it('policy weights: relative (the evaluation normalises), the default is today\'s 30/20/15/25/10, and the ranking does not depend on the scale', () => {
    expect(DEFAULT_POLICY_EVALUATION_WEIGHTS).toEqual({ on_time: 30, face_to_face: 20, key_satisfaction: 15, satisfaction: 25, solved: 10 });
    expect(normaliseWeights(DEFAULT_POLICY_EVALUATION_WEIGHTS)).toEqual({ on_time: 0.3, face_to_face: 0.2, key_satisfaction: 0.15, satisfaction: 0.25, solved: 0.1 });
    expect(normaliseWeights({ on_time: 1, face_to_face: 1, key_satisfaction: 0, satisfaction: 2, solved: 0 })).toEqual({ on_time: 0.25, face_to_face: 0.25, key_satisfaction: 0, satisfaction: 0.5, solved: 0 });
    const units = [
      { unitId: 'jyj', figures: figuresOf([all('on_time', 'C'), all('late', 'C')]) },
      { unitId: 'rsj', figures: figuresOf([all('on_time', 'A'), all('on_time', 'C')]) },
    ];
    const scores = (w = DEFAULT_EVALUATION_WEIGHTS) => evaluateUnits(units, w).map((u) => [u.unitId, u.score]);
    expect(scores(normaliseWeights(DEFAULT_EVALUATION_WEIGHTS))).toEqual(scores());
    // only on time counts: jyj 50%; only solved counts: jyj 0 of 45% → 0
    expect(scores({ on_time: 1, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 0 })).toEqual([['rsj', 100], ['jyj', 50]]);
    expect(scores({ on_time: 0, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 1 })).toEqual([['rsj', 100], ['jyj', 0]]);
  });

  it('policy weights: one non-negative number per figure, not all 0', () => {
    expect(evaluationWeightsProblem(DEFAULT_EVALUATION_WEIGHTS)).toBeUndefined();
    expect(evaluationWeightsProblem({ ...DEFAULT_EVALUATION_WEIGHTS, solved: -1 })).toMatch(/solved 须为不小于 0 的数/);
    expect(evaluationWeightsProblem({ ...DEFAULT_EVALUATION_WEIGHTS, solved: '1' })).toMatch(/solved/);
    expect(evaluationWeightsProblem({ on_time: 1 })).toMatch(/face_to_face/);
    expect(evaluationWeightsProblem({ ...DEFAULT_EVALUATION_WEIGHTS, speed: 1 })).toMatch(/没有这些指标：speed/);
    expect(evaluationWeightsProblem({ on_time: 0, face_to_face: 0, key_satisfaction: 0, satisfaction: 0, solved: 0 })).toMatch(/不能全为 0/);
    expect(evaluationWeightsProblem([1, 2])).toMatch(/须为对象/);
  });
});
