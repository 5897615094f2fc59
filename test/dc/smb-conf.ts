import { readFile, writeFile } from 'node:fs/promises';

/** Samba compares option names ignoring case and spaces. */
function normalizeName(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/**
 * Sets options of the [global] section, replacing any earlier value, so that
 * what provision wrote (its own `server services`, for one) cannot win.
 */
export function setGlobalOptions(conf: string, options: Record<string, string>): string {
  const names = new Set(Object.keys(options).map(normalizeName));
  const lines = conf.split('\n');
  const out: string[] = [];
  let section = '';
  let inserted = false;
  for (const line of lines) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      section = (header[1] ?? '').trim().toLowerCase();
      out.push(line);
      if (section === 'global' && !inserted) {
        for (const [name, value] of Object.entries(options)) out.push(`\t${name} = ${value}`);
        inserted = true;
      }
      continue;
    }
    const option = /^\s*([^=;#]+?)\s*=/.exec(line);
    if (section === 'global' && option && names.has(normalizeName(option[1] ?? ''))) continue;
    out.push(line);
  }
  if (!inserted) {
    out.unshift('[global]', ...Object.entries(options).map(([name, value]) => `\t${name} = ${value}`));
  }
  return out.join('\n');
}

export async function updateSmbConf(path: string, edit: (conf: string) => string): Promise<void> {
  const conf = await readFile(path, 'utf8');
  await writeFile(path, edit(conf));
}
