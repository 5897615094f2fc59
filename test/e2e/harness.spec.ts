import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './harness/fixtures';
import { unnamedControls } from './harness/unnamed-controls';

const builtIndex = fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url));

const policy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

test.describe('harness and built renderer', () => {
  test('calls and the event stream need the run token', async ({ harness }) => {
    const call = (headers: Record<string, string>) =>
      fetch(new URL('/__warden/call/getAppInfo', harness.url), { method: 'POST', headers, body: '{}' });
    expect((await call({})).status).toBe(403);
    expect((await call({ 'x-warden-token': 'not-the-token' })).status).toBe(403);
    const allowed = await call({ 'x-warden-token': harness.token, 'content-type': 'application/json' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ ok: true, value: { name: 'Warden' } });

    expect((await fetch(new URL('/__warden/events', harness.url))).status).toBe(403);
    expect((await fetch(new URL('/__warden/events?token=nope', harness.url))).status).toBe(403);
  });

  test('unknown operations and bad payloads come back as Replies, not crashes', async ({ harness }) => {
    const post = (operation: string, body: string) =>
      fetch(new URL(`/__warden/call/${operation}`, harness.url), {
        method: 'POST',
        headers: { 'x-warden-token': harness.token },
        body,
      }).then((response) => response.json());
    expect(await post('dropDatabase', '{}')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await post('deleteProfile', '{"id":"not-a-uuid"}')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  test('only the built renderer is served, nothing outside it', async ({ harness }) => {
    expect((await fetch(new URL('/', harness.url))).status).toBe(200);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/package.json', harness.url))).status).toBe(404);
    expect((await fetch(new URL('/../package.json', harness.url))).status).toBe(404);
  });

  test('the built page carries the strict CSP and loads nothing remote', async ({ page, harness, openApp }) => {
    const html = await readFile(builtIndex, 'utf8');
    expect(html).toContain(`content="${policy}"`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const origin = new URL(harness.url).origin;
    const remote: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) remote.push(request.url());
    });
    await openApp();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    // Scripts are 'self' only: the bundle is one external module, no inline script.
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(remote.filter((url) => !url.startsWith('data:'))).toEqual([]);
  });

  test('the unnamed-control check finds controls a screen reader could not name', async ({ browser }) => {
    const page = await browser.newPage();
    try {
      await page.setContent(
        '<button></button><button aria-label="Named"></button><input type="text"><label>Host <input type="text"></label>',
      );
      expect(await unnamedControls(page.locator('body'))).toHaveLength(2);
    } finally {
      await page.close();
    }
  });
});
