// The suite in a browser: the package's main entry.
import * as api from '../../src/index.js';
import { runRemoteEntry } from './remote-entry.js';

await runRemoteEntry(api);
