import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../../src/store';

/**
 * Appends audit entries from its own process, as another Warden window or the
 * CLI would. Processes wait for each other once the store is open, so their
 * appends really overlap instead of following process start-up order.
 */
const [path, keyHex, count, actor, processes] = process.argv.slice(2);
if ([path, keyHex, count, actor, processes].includes(undefined)) {
  throw new Error('usage: audit-appender <path> <key hex> <count> <actor> <processes>');
}
const storePath = path as string;
const store = await openStore({ path: storePath, key: { kind: 'raw', key: Buffer.from(keyHex as string, 'hex') } });
try {
  writeFileSync(join(dirname(storePath), `ready-${actor}`), '');
  while (readdirSync(dirname(storePath)).filter((name) => name.startsWith('ready-')).length < Number(processes)) {
    await sleep(10);
  }
  for (let index = 0; index < Number(count); index++) {
    await store.audit.append({ actor: actor as string, action: `step-${index}`, result: 'ok' });
    // A real writer does other work between entries; without a pause, a process the scheduler
    // favours on a loaded machine could write all of its entries before the others start.
    await sleep(2);
  }
} finally {
  await store.close();
}
