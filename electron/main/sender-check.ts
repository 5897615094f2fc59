import type { BrowserWindow, WebContents } from 'electron';

/** True when `url` is the app's own page (same origin and path), whatever its query or hash. */
export function isOwnPage(url: string, allowedUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const own = new URL(allowedUrl);
  return target.protocol === own.protocol && target.host === own.host && target.pathname === own.pathname;
}

/** Only the main window's own top-level page may call the core. */
export function isFromWindow(
  window: BrowserWindow | null,
  sender: WebContents,
  frameUrl: string | undefined,
  allowedUrl: string,
): boolean {
  if (!window || window.isDestroyed() || sender !== window.webContents) return false;
  return frameUrl !== undefined && isOwnPage(frameUrl, allowedUrl);
}
