import { join } from 'node:path';
import type { OperationInput, OperationName, OperationOutput, ProgressEvent } from '../../../src/api/contract';
import { createCore, type Core, type KeySource } from '../../../src/api/core';
import { generateDataKey } from '../../../src/store';

export const RESOURCES_DIR = join(import.meta.dirname, '..', '..', '..', 'resources');

/** A core as the app runs it, with its store in `dir` under a fresh random key unless told otherwise. */
export function startTestCore(
  dir: string,
  options: { keySource?: KeySource; emit?: (event: ProgressEvent) => void; resourcesDir?: string } = {},
): Promise<Core> {
  return createCore({
    storePath: join(dir, 'warden.db'),
    keySource: options.keySource ?? { kind: 'raw', key: generateDataKey() },
    version: '0.0.0',
    platform: 'test',
    resourcesDir: options.resourcesDir ?? RESOURCES_DIR,
    emit: options.emit ?? (() => undefined),
  });
}

/** A typed call through the router, as the renderer makes it; a failed reply fails the test with its error. */
export async function routerValue<N extends OperationName>(
  router: Core['router'],
  name: N,
  input: OperationInput<N>,
): Promise<OperationOutput<N>> {
  const settled = await router.call(name, input);
  if (!settled.ok) throw new Error(`${name} failed: ${JSON.stringify(settled.error)}`);
  return settled.value as OperationOutput<N>;
}
