/**
 * The renderer's Content Security Policy, sent with every response Electron
 * serves (and by the browser test harness, so tests run under the same rules).
 * renderer/index.html repeats it in a meta tag for the file:// load.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI's styling engine injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
