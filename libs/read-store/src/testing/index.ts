export { readStoreContract } from './read-store.contract';
