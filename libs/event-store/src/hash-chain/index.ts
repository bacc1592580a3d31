export { withHashChain } from './with-hash-chain';
export { startAnchoring, type Anchoring, type AnchoringOptions } from './start-anchoring';
export { verifyIntegrity } from './verify-integrity';
export type { IntegrityProblem, IntegrityProblemKind, IntegrityReport } from './integrity-report';
export { ANCHOR_STREAM } from './anchor-fold';
export { GENESIS_HASH, eventHash, type ChainLink } from './event-hash';
