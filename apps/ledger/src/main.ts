// The ledger app as its own process on the engines the environment names (the README's configuration); several
// processes make one platform this way. `posledger start --apps ledger` runs the same.
import 'reflect-metadata';
import { serveAppFromEnvironment } from '@posledger/platform';

serveAppFromEnvironment('ledger');
