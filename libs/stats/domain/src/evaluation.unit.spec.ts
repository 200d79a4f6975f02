import { evaluateUnits } from './evaluation';
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
});
