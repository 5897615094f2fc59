/**
 * For benchmarks and manual checks, outside vitest:
 *   npx tsx test/dc/cli.ts template [--accounts N] [--date YYYY-MM-DD]   build (or find) a template, print it as JSON
 *   npx tsx test/dc/cli.ts start [--accounts N] [--date YYYY-MM-DD]      start a DC and keep it until Ctrl-C / SIGTERM
 */
import { parseArgs } from 'node:util';
import { startDc } from './dc-instance';
import { ADMIN_PASSWORD, ADMIN_UPN, BASE_DN, DC_FQDN } from './domain';
import { ensureDcTools } from './packages';
import { ensureTemplate, type TemplateSpec } from './template';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { accounts: { type: 'string' }, date: { type: 'string' } },
  });
  const spec: TemplateSpec = {};
  if (values.accounts !== undefined) spec.accounts = Number(values.accounts);
  if (values.date !== undefined) spec.now = new Date(values.date);
  await ensureDcTools();
  const { template, fromCache } = await ensureTemplate(spec);
  if (positionals[0] === 'template') {
    const { facts, ...rest } = template;
    console.log(JSON.stringify({ fromCache, ...rest, counts: facts.counts }, null, 2));
    return;
  }
  if (positionals[0] !== 'start') throw new Error('usage: cli.ts template|start [--accounts N] [--date YYYY-MM-DD]');
  const dc = await startDc(template);
  console.log(
    JSON.stringify(
      {
        ldapsUrl: `ldaps://${dc.ip}:636`,
        serverName: DC_FQDN,
        baseDn: BASE_DN,
        bindName: ADMIN_UPN,
        password: ADMIN_PASSWORD,
        caPem: dc.caPem,
        dir: dc.dir,
        startMs: dc.startMs,
        accounts: template.facts.counts.totalAccounts,
      },
      null,
      2,
    ),
  );
  const stop = (): void => {
    dc.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Keeps the process alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
