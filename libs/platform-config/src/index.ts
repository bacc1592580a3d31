export { DEFAULT_FOLDED_MERCHANTS, DEFAULT_TERMINAL_OFFLINE_AFTER_MS, loadPlatformConfig, InvalidConfigError } from './platform-config';
export type { PlatformConfig } from './platform-config';
