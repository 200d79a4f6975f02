/**
 * @jyta/stats-data-access — the read side of the Art. 16 figures: `stats_cases`, every version of
 * every case with the store time it held from, fed by `statsProjection`; `selectCases` picks the
 * cases of a year as they stood at any moment.
 */
export { statsMigrations } from './migrations';
export { statsProjection } from './projection';
export { countCases, countCurrent, drillDownCases, selectCases, type CaseSelection } from './queries';
