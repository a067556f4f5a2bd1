// The suite in Deno and Bun: the package's `node` entry, as those runtimes resolve it.
import * as api from '../../src/index.node.js';
import { runRemoteEntry } from './remote-entry.js';

await runRemoteEntry(api);
