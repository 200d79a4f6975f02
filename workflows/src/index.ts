// Workflow code only: this file is what the worker bundles (workflowsPath).
export { proposalWorkflow } from './proposal.workflow';
export { recomputeDeadlinesWorkflow } from './recompute-deadlines.workflow';
export { itemStepsWorkflow } from './merge-items.workflow';
export { unitSummaryWorkflow } from './unit-summary.workflow';
