// The process host's library: the apps composed over their engines, provisioning, the demo and the auditor's replay.
export { ALL_APPS, startPlatform } from './platform/start-platform';
export { serveAppFromEnvironment, servePlatform } from './platform/serve-platform';
export type { PlatformApp, RunningPlatform } from './platform/start-platform';
export { openProvisioningStores } from './platform/open-stores';
export type { ProvisioningStores } from './platform/open-stores';
export { addMerchant, addTerminal, setOfflineLimit, setPreAuthorizationPolicy, setRefundFeePolicy } from './platform/provisioning';
export { addOperator, disableOperator, listOperators, setSupervisorLimit } from './platform/operators';
export { openDispute, resolveDispute, submitDisputeEvidence } from './platform/disputes';
export { confirmPayout, failPayout, runPayoutsNow, setPayoutSchedule } from './platform/payouts';
export { issueStatement, verifyStatement } from './platform/statements';
export type { MerchantInput } from './platform/provisioning';
export { runDemo } from './demo/run-demo';
export type { RunningDemo } from './demo/run-demo';
export { replayInProcess } from './replay/in-process-replay';
export { platformAnswers, replayThroughPlatform } from './replay/platform-replay';
export { progressJson, progressLine } from './replay/replay-report-json';
export type { ReplayProgressJson, ReplayReportJson } from './replay/replay-report-json';
export { log, printJson } from './output';
