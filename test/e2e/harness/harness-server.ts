import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationNames, type ProgressEvent } from '../../../src/api/contract';
import { createCore, type CoreOptions, type KeySource } from '../../../src/api/core';
import type { Reply } from '../../../src/api/contract';
import { bridgeScript } from './bridge-script';
import { assertBuiltRenderer, readStaticFile } from './static-files';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/content-security-policy';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** An HR file (up to 64 MB in the contract, a third more as base64) is the largest input. */
const MAX_BODY_BYTES = 90 * 1024 * 1024;

/** The bridge sends a Uint8Array as { __wardenBytes: base64 }: turn it back into one, as IPC would hand it over. */
function reviveBytes(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('__wardenBytes' in value)) return value;
  const encoded = (value as { __wardenBytes: unknown }).__wardenBytes;
  return typeof encoded === 'string' ? new Uint8Array(Buffer.from(encoded, 'base64')) : value;
}

export interface HarnessOptions {
  /** How the core gets its store key. Default: a random raw key, as with a working OS keystore. */
  keySource?: KeySource;
  /** The encrypted store file. Default: a new file in a fresh temp folder, removed by close(). */
  storePath?: string;
  /** The built renderer. Default: out/renderer at the repository root. */
  rendererDir?: string;
  version?: string;
  platform?: string;
}

export interface Harness {
  /** Open this in the browser (after adding bridgeScript as an init script). */
  url: string;
  /** Required on every call (x-warden-token header, or ?token= for the event stream). */
  token: string;
  /** For page.addInitScript({ content: bridgeScript }): defines window.warden in the page. */
  bridgeScript: string;
  storePath: string;
  /** Every progress event the core emitted, in order. */
  progressEvents: ProgressEvent[];
  /** Calls `listener` with each progress event as the core emits it, before the core goes on; returns the unsubscribe. */
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
  /** Calls the core's router directly, e.g. to prepare data a test starts from. */
  call: (operation: string, payload: unknown) => Promise<Reply<unknown>>;
  close: () => Promise<void>;
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

function tokenMatches(expected: Buffer, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  response.end(body);
}

/** Bytes in a reply (an exported file) travel as { __wardenBytes: base64 }, which the bridge turns back into a Uint8Array. */
function encodeBytes(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { __wardenBytes: Buffer.from(value).toString('base64') } : value;
}

const sendJson = (response: ServerResponse, status: number, value: unknown): void =>
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value, encodeBytes));

/**
 * Serves the built renderer on 127.0.0.1 and answers window.warden calls with
 * the real core (encrypted store included), as Electron's main process would.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? join(repoRoot, 'out', 'renderer');
  await assertBuiltRenderer(rendererDir);

  const ownDir = options.storePath === undefined ? await mkdtemp(join(tmpdir(), 'warden-e2e-')) : undefined;
  const storePath = options.storePath ?? join(ownDir as string, 'warden.db');
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const streams = new Set<ServerResponse>();
  const progressEvents: ProgressEvent[] = [];
  const listeners = new Set<(event: ProgressEvent) => void>();

  const emit: CoreOptions['emit'] = (event) => {
    progressEvents.push(event);
    for (const listener of listeners) listener(event);
    const frame = `event: progress\ndata: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };

  const core = await createCore({
    storePath,
    keySource: options.keySource ?? { kind: 'raw', key: randomBytes(32) },
    version: options.version ?? readVersion(),
    platform: options.platform ?? process.platform,
    resourcesDir: join(repoRoot, 'resources'),
    emit,
  });

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');

    if (url.pathname.startsWith('/__warden/call/')) {
      if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
      if (!tokenMatches(tokenBytes, request.headers['x-warden-token'] as string | undefined)) {
        return sendJson(response, 403, { error: 'wrong or missing token' });
      }
      const operation = decodeURIComponent(url.pathname.slice('/__warden/call/'.length));
      let payload: unknown;
      try {
        const body = await readBody(request);
        payload = body === '' ? undefined : JSON.parse(body, reviveBytes);
      } catch (error) {
        return sendJson(response, 400, { error: `unreadable body: ${String(error)}` });
      }
      return sendJson(response, 200, await core.router.call(operation, payload));
    }

    if (url.pathname === '/__warden/events') {
      if (!tokenMatches(tokenBytes, url.searchParams.get('token'))) {
        return sendJson(response, 403, { error: 'wrong or missing token' });
      }
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, { error: 'GET only' });
    const file = await readStaticFile(rendererDir, url.pathname);
    if (file === undefined) return send(response, 404, 'text/plain; charset=utf-8', 'not found');
    return send(response, 200, file.contentType, request.method === 'HEAD' ? '' : file.body);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: String(error) });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url: `${origin}/`,
    token,
    bridgeScript: bridgeScript({ origin, token, operationNames }),
    storePath,
    progressEvents,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    call: (operation, payload) => core.router.call(operation, payload),
    async close() {
      if (closed) return;
      closed = true;
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
      if (ownDir !== undefined) await rm(ownDir, { recursive: true, force: true });
    },
  };
}
