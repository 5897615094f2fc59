import type {
  OperationInput,
  OperationName,
  OperationOutput,
  ProgressEvent,
  ProgressOf,
  Reply,
} from './contract-types';
import { WardenApiError } from './warden-api-error';

function bridge(): Window['warden'] {
  const api = (window as Partial<Window>).warden;
  if (api === undefined) {
    throw new WardenApiError({
      code: 'NO_BRIDGE',
      message: 'Warden cannot reach its core: the window was opened without the Warden bridge.',
    });
  }
  return api;
}

/** Calls one operation and returns its value, or throws the Reply's error as a WardenApiError. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> {
  // Indexing the API by a generic name loses the pairing of input and output; the contract guarantees it.
  const method = bridge()[name] as unknown as (input: OperationInput<N>) => Promise<Reply<OperationOutput<N>>>;
  const reply = await method(input);
  if (!reply.ok) throw new WardenApiError(reply.error);
  return reply.value;
}

/** A fresh id for a long-running call, so its progress events and cancellation find it. */
export function newTaskId(): string {
  return crypto.randomUUID();
}

/** Listens to the progress of one task only; returns the unsubscribe function. */
export function onTaskProgress<N extends OperationName>(
  taskId: string,
  listener: (progress: ProgressOf<N>) => void,
): () => void {
  return bridge().onProgress((event: ProgressEvent) => {
    if (event.taskId === taskId) listener(event.progress as ProgressOf<N>);
  });
}

/** Asks the core to stop a running task; resolves to whether it was still running. */
export async function cancelTask(taskId: string): Promise<boolean> {
  const { cancelled } = await call('cancelTask', { taskId });
  return cancelled;
}
