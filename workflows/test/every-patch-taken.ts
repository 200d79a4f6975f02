/**
 * `@temporalio/workflow` with every patch taken: the workflow as it would be had each change been
 * made without patched(). The replay test bundles the workflow with this in place of the real
 * module to show that the recorded histories then fail, i.e. that the patches are what keeps
 * running items replaying.
 */
export * from '@temporalio/workflow/lib/index';
export const patched = (_patchId: string): boolean => true;
