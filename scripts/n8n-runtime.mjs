// The real-n8n tooling, as one import: installing n8n and the packages (./n8n/install.mjs) and
// starting and driving it (./n8n/driver.mjs).
export * from './n8n/install.mjs';
export * from './n8n/driver.mjs';
export { pollTriggerWorkflow, workflowWithInput } from '../systems/workflows.mjs';
