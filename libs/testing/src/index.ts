// Helpers for tests only (the build leaves out every testing/ folder): wait for a condition, never for a time.
export { eventually, waitFor, type EventuallyOptions } from './eventually';
