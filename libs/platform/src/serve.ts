// `posledger start`'s entry into the platform library: what a start needs before any app is loaded (the library's
// index loads every command's modules), so that the worker threads start while this thread loads its own app.
export { ALL_APPS } from './platform/platform-apps';
export type { PlatformApp } from './platform/platform-apps';
export { servePlatform } from './platform/serve-platform';
