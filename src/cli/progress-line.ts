import type { CliIo } from './cli-io';

/** A one-line progress display on a terminal's stderr; silent when stderr is not a terminal. */
export function progressLine(io: CliIo): { update(text: string): void; done(): void } {
  const tty = 'isTTY' in io.stderr && io.stderr.isTTY === true;
  let shown = false;
  return {
    update(text) {
      if (!tty) return;
      io.stderr.write(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
