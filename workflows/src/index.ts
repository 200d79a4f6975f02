// Workflow code only: this file is what the worker bundles (workflowsPath).
export { proposalWorkflow } from './proposal.workflow';
