export { TokenBuckets, type Take } from './token-buckets';
