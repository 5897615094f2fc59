import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export class MissingBuildError extends Error {}

/** Fails early, in words, when the renderer has not been built: the harness serves exactly what Electron loads. */
export async function assertBuiltRenderer(rendererDir: string): Promise<void> {
  const index = join(rendererDir, 'index.html');
  const found = await stat(index).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!found) {
    throw new MissingBuildError(
      `The built renderer is missing (${index} not found): run npm run build first. ` +
        'The browser tests load the same files Electron loads, never a dev server.',
    );
  }
}

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** A file under `root` for a URL path, or undefined; nothing outside `root` is ever read. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  if (!full.startsWith(normalize(root) + sep) || decoded.includes('\0')) return undefined;
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
    return {
      body: await readFile(full),
      contentType: contentTypes[extname(full).toLowerCase()] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
