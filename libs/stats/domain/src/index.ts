/**
 * @jyta/stats-domain — the figures of Art. 16 (SPEC §8) from items' events, pure: per-item facts
 * (facts.ts) and the rules that make figures of them at any moment (kpis.ts). docs/kpis.md says
 * the rules in words.
 */
export * from './facts';
export * from './kpis';
export * from './evaluation';
