import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseConnectionFlags } from '../../../src/cli/connection-flags';
import { runCli } from './cli-harness';

const run = promisify(execFile);

describe('warden CLI', () => {
  it('lists its commands and documents exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('connect');
    expect(result.stdout).toContain('store init');
    expect(result.stdout).toMatch(/Exit codes: 0 success, 1 the operation failed, 2 the command line is wrong/);
  });

  it('exits 2 with no command and with an unknown command', async () => {
    expect((await runCli([])).code).toBe(2);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('exits 2 on a missing or unknown flag and names it', async () => {
    const missing = await runCli(['connect', '--bind', 'a@b']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--url is required');
    const unknown = await runCli(['connect', '--url', 'ldaps://dc1', '--bind', 'a@b', '--password', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--password'");
  });

  it('never takes a secret from a flag and says where it looks for it', async () => {
    const result = await runCli(['connect', '--url', 'ldaps://127.0.0.1:1', '--bind', 'a@b']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('set WARDEN_BIND_PASSWORD');
    expect(result.stderr).toContain('[SECRET_MISSING]');
  });

  it('prints per-command help', async () => {
    const result = await runCli(['connect', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: warden connect (--url ldaps://HOST[:PORT] --bind USER');
    expect(result.stdout).toContain('--profile NAME');
    expect(result.stdout).toContain('WARDEN_BIND_PASSWORD');
  });

  it('runs as an installed command', async () => {
    const { stdout } = await run(process.execPath, ['src/cli/warden.mjs', '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('connection flags', () => {
  it('maps URLs and --starttls to a transport and a port', () => {
    expect(parseConnectionFlags({ url: 'ldaps://dc1.corp.example.test', bind: 'a@b' })).toMatchObject({
      host: 'dc1.corp.example.test',
      transport: 'ldaps',
      allowPlainLdap: false,
    });
    expect(parseConnectionFlags({ url: 'ldap://10.0.0.5:3890', bind: 'a@b', starttls: true })).toMatchObject({
      host: '10.0.0.5',
      port: 3890,
      transport: 'starttls',
    });
    expect(parseConnectionFlags({ url: 'ldap://dc1', bind: 'a@b' })).toMatchObject({ transport: 'ldap' });
  });

  it('refuses what cannot be right', () => {
    expect(() => parseConnectionFlags({ url: 'https://dc1', bind: 'a@b' })).toThrow(/ldaps:\/\/ or ldap:\/\//);
    expect(() => parseConnectionFlags({ url: 'ldaps://dc1', bind: 'a@b', starttls: true })).toThrow(/--starttls/);
    expect(() => parseConnectionFlags({ url: 'ldaps://dc1', bind: 'a@b', ca: '/nonexistent.pem' })).toThrow(
      /--ca \/nonexistent.pem cannot be read: ENOENT/,
    );
    expect(() => parseConnectionFlags({ url: 'ldaps://dc1', bind: 'a@b', timeout: 'soon' })).toThrow(/--timeout/);
  });
});
