import { WardenError } from '../errors';
import type { CliIo } from './cli-io';

/**
 * Secrets never come from flags (they would show in the process list and the
 * shell history): from an environment variable, or typed at a prompt that does
 * not echo.
 */
export async function readSecret(io: CliIo, variable: string, prompt: string, confirm = false): Promise<string> {
  const fromEnv = secretFromEnv(io, variable);
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new WardenError(
      'SECRET_MISSING',
      `${prompt} is needed: set ${variable}, or run warden on a terminal to be asked.`,
      {
        variable,
      },
    );
  }
  const first = await promptHidden(io, `${prompt}: `);
  if (confirm && (await promptHidden(io, `${prompt} (again): `)) !== first) {
    throw new WardenError('SECRET_MISMATCH', 'The two entries differ; nothing was changed.');
  }
  return first;
}

/** The secret in `variable`, when it is set and not empty. */
export function secretFromEnv(io: CliIo, variable: string): string | undefined {
  const value = io.env[variable];
  return value === undefined || value === '' ? undefined : value;
}

function promptHidden(io: CliIo, label: string): Promise<string> {
  const input = process.stdin;
  io.stderr.write(label);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error): void => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new WardenError('CANCELLED', 'Cancelled at the prompt.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on('data', onData);
  });
}
