import { describe, expect, it } from 'vitest';
import { isOwnPage } from '../../../electron/main/sender-check';

describe('IPC sender check', () => {
  const packaged = 'file:///opt/Warden/resources/app.asar/out/renderer/index.html';
  const dev = 'http://localhost:5173/';

  it('accepts the app page itself, with any hash or query', () => {
    expect(isOwnPage(packaged, packaged)).toBe(true);
    expect(isOwnPage(`${packaged}#/settings`, packaged)).toBe(true);
    expect(isOwnPage('http://localhost:5173/?x=1', dev)).toBe(true);
  });

  it('refuses other files, origins and schemes', () => {
    expect(isOwnPage('file:///tmp/evil/index.html', packaged)).toBe(false);
    expect(isOwnPage('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnPage('https://localhost:5173/', dev)).toBe(false);
    expect(isOwnPage('http://evil.example/', dev)).toBe(false);
    expect(isOwnPage('not a url', dev)).toBe(false);
  });
});
