export { loadPlatformConfig, InvalidConfigError } from './platform-config';
export type { PlatformConfig } from './platform-config';
