import { createServer, type Server, type Socket } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './harness/fixtures';

async function fillTarget(page: Page, host: string, port: number): Promise<void> {
  await page.getByRole('main').getByRole('button', { name: 'Connect to a domain' }).click();
  await page.getByRole('textbox', { name: 'Host', exact: true }).fill(host);
  await page.getByRole('spinbutton', { name: 'Port', exact: true }).fill(String(port));
  await page.getByRole('textbox', { name: 'Bind as', exact: true }).fill('svc-warden@corp.example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a password');
}

/** Accepts TCP connections and never answers: a DC that hangs during the TLS handshake. */
async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test.describe('test connection', () => {
  test('an unreachable domain controller gives a typed error in plain words', async ({
    page,
    openApp,
    saveScreenshot,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openApp();
    // Port 1 on the loopback address: nothing listens there, the connection is refused at once.
    await fillTarget(page, '127.0.0.1', 1);
    await page.getByRole('button', { name: 'Test connection' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    const code = await alert.getAttribute('data-error-code');
    expect(code).toBeTruthy();
    expect(['INVALID_INPUT', 'INTERNAL', 'RENDERER']).not.toContain(code);
    await expect(alert).toContainText(`Error code: ${code}`);
    // Plain words: says where it tried, not a bare errno.
    await expect(alert).toContainText('127.0.0.1');
    await saveScreenshot('test-connection-refused-dark');
  });

  test("a missing password is the contract's validation error", async ({ page, openApp }) => {
    await openApp();
    await fillTarget(page, '127.0.0.1', 1);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(alert).toContainText('password is required');
    await expect(alert).toContainText('Error code: INVALID_INPUT');
  });

  test('a hanging connection shows progress and can be cancelled', async ({
    page,
    harness,
    openApp,
    saveScreenshot,
  }) => {
    const silent = await startSilentServer();
    try {
      await openApp();
      await fillTarget(page, '127.0.0.1', silent.port);
      await page.getByRole('button', { name: 'Test connection' }).click();
      await expect(page.getByRole('progressbar', { name: 'Connection test' })).toBeVisible();
      // The phases come from the core's progress events; the silent server never gets past the handshake.
      await expect(page.getByText(/^(Connecting to the domain controller|Signing in)…$/)).toBeVisible();
      expect(harness.progressEvents.map((event) => (event.progress as { phase: string }).phase)).toContain(
        'connecting',
      );
      await saveScreenshot('test-connection-running');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText('The connection test was cancelled.')).toBeVisible({ timeout: 10_000 });
      await expect(page.getByRole('button', { name: 'Test connection' })).toBeEnabled();
    } finally {
      await silent.close();
    }
  });
});
