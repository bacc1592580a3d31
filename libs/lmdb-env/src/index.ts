export { openLmdbEnvironment } from './open-lmdb-environment';
