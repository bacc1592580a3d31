// Caps heap growth as `posledger start` does, then starts a worker thread that keeps some objects and collects:
// with --trace-gc-verbose, V8 prints the limit it sets for the worker's heap and the factor it used.
import { Worker } from 'node:worker_threads';
import { limitHeapGrowth } from '../heap-growth';

limitHeapGrowth(Number(process.argv[2]));
new Worker(`const kept = []; for (let i = 0; i < 200000; i++) kept.push({ i, s: 'x' + i }); gc();`, { eval: true });
