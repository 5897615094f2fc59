/**
 * Hands bytes to the browser as a file download: Electron asks where to save
 * it (the sandboxed renderer never sees a path), and a test's browser records
 * it as a download.
 */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has taken the bytes; straight away would cancel it in some engines.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
