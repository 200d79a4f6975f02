/**
 * The no-op workflows of the raw Temporal baseline (raw.ts): the same shape of Temporal calls as an
 * item's 登记 → 交办 → 签收 (update-with-start, then two Updates), with no work of ours in them.
 */
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const step = defineUpdate<number, [number]>('step');

/** Takes three `step` Updates and completes. */
export async function rawItem(): Promise<void> {
  let steps = 0;
  setHandler(step, (n) => {
    steps++;
    return n;
  });
  await condition(() => steps >= 3);
}

/** Completes at once (the plain-start baseline). */
export async function rawStart(): Promise<void> {
  return;
}
