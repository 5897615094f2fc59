import { createServer } from 'node:net';
import { TestDcError } from './errors';

/** The ports a DC listens on are fixed, so each running DC needs its own loopback address. */
const DC_PORTS = [389, 636, 88, 3268] as const;

function portFree(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: ip, port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

async function addressFree(ip: string): Promise<boolean> {
  for (const port of DC_PORTS) {
    if (!(await portFree(ip, port))) return false;
  }
  return true;
}

/**
 * A loopback address in 127.0.0.2–127.0.0.254 on which no DC port is taken.
 * The scan starts at an offset taken from the pid so that parallel runs on one
 * machine rarely probe the same address at the same moment.
 */
export async function pickLoopbackAddress(exclude: ReadonlySet<string> = new Set()): Promise<string> {
  const count = 253;
  const offset = process.pid % count;
  for (let i = 0; i < count; i += 1) {
    const ip = `127.0.0.${2 + ((offset + i) % count)}`;
    if (exclude.has(ip)) continue;
    if (await addressFree(ip)) return ip;
  }
  throw new TestDcError(
    'TEST_DC_NO_FREE_ADDRESS',
    'No loopback address 127.0.0.2–254 has ports 389, 636, 88 and 3268 free',
    {
      ports: DC_PORTS.map(String),
    },
  );
}
