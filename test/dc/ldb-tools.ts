import { TestDcError } from './errors';
import { dcTools } from './packages';
import { runCommand, tail } from './run-command';

/** ldbadd and ldbmodify exit 0 even when a record fails: the only sign is an ERR line. */
function failureLine(output: string): string | undefined {
  return output.split('\n').find((line) => /^\s*ERR\b/.test(line) || /\bERR:/.test(line));
}

async function applyLdif(
  tool: 'ldbadd' | 'ldbmodify',
  samLdb: string,
  ldifPath: string,
  records: number,
  timeoutMs: number,
) {
  const program = dcTools()[tool];
  const { stdout, stderr } = await runCommand(program, ['-H', samLdb, ldifPath], { timeoutMs });
  const output = `${stdout}\n${stderr}`;
  const failure = failureLine(output);
  if (failure) {
    throw new TestDcError('TEST_DC_SEED_FAILED', `${tool} of ${ldifPath} failed: ${failure.trim()}`, {
      ldif: ldifPath,
      output: tail(output, 10),
    });
  }
  const done = /(?:Added|Modified) (\d+) records? successfully/.exec(output);
  if (!done || Number(done[1]) !== records) {
    throw new TestDcError(
      'TEST_DC_SEED_FAILED',
      `${tool} of ${ldifPath} applied ${done?.[1] ?? 'no'} of ${records} records`,
      {
        ldif: ldifPath,
        output: tail(output, 10),
      },
    );
  }
}

export function ldbAdd(samLdb: string, ldifPath: string, records: number, timeoutMs: number): Promise<void> {
  return applyLdif('ldbadd', samLdb, ldifPath, records, timeoutMs);
}

export function ldbModify(samLdb: string, ldifPath: string, records: number, timeoutMs: number): Promise<void> {
  return applyLdif('ldbmodify', samLdb, ldifPath, records, timeoutMs);
}

const SEARCH_TIMEOUT_MS = 120_000;

/**
 * Entries matching `filter` under `base`, read offline; referrals are not
 * entries. The count is ldbsearch's own summary line, which it prints last:
 * a large domain's DNs run to more output than is kept.
 */
export async function ldbCount(samLdb: string, base: string, filter: string): Promise<number> {
  const { stdout } = await runCommand(dcTools().ldbsearch, ['-H', samLdb, '-b', base, filter, 'dn'], {
    timeoutMs: SEARCH_TIMEOUT_MS,
  });
  const summary = /^# (\d+) entries$/m.exec(stdout);
  if (summary?.[1] === undefined) {
    throw new TestDcError('TEST_DC_SEED_FAILED', `ldbsearch printed no count of entries for ${filter} under ${base}`, {
      base,
      filter,
      output: tail(stdout, 10),
    });
  }
  return Number(summary[1]);
}

/** The single value of `attribute` on the one entry matching `filter`. */
export async function ldbReadValue(samLdb: string, base: string, filter: string, attribute: string): Promise<string> {
  const { stdout } = await runCommand(dcTools().ldbsearch, ['-H', samLdb, '-b', base, filter, attribute], {
    timeoutMs: SEARCH_TIMEOUT_MS,
  });
  const line = stdout.split('\n').find((l) => l.startsWith(`${attribute}: `));
  if (!line) {
    throw new TestDcError('TEST_DC_SEED_FAILED', `No ${attribute} found for ${filter} under ${base}`, { base, filter });
  }
  return line.slice(attribute.length + 2).trim();
}
