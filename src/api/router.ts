import type { z } from 'zod';
import { serializeError, WardenError } from '../errors';
import {
  contract,
  type OperationName,
  type OperationOutput,
  type ParsedInput,
  type ProgressEvent,
  type ProgressOf,
  type Reply,
} from './contract';

export interface HandlerContext<P> {
  /** Aborted when the caller cancels the task or the window goes away. */
  signal: AbortSignal;
  /** Validated against the operation's progress schema before it is sent. */
  reportProgress: (progress: P) => void;
}

/** cancelTask belongs to the router itself: it owns the running tasks. */
export type HandledOperation = Exclude<OperationName, 'cancelTask'>;

export type Handlers = {
  [N in HandledOperation]: (
    input: ParsedInput<N>,
    context: HandlerContext<ProgressOf<N>>,
  ) => Promise<OperationOutput<N>> | OperationOutput<N>;
};

export class ContractViolation extends WardenError {}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(payload)';
    return `${where}: ${issue.message}`;
  });
}

export interface Router {
  call(name: string, payload: unknown): Promise<Reply<unknown>>;
  /** Aborts every running task, e.g. when the window closes. */
  cancelAll(): void;
}

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

export function createRouter(handlers: Handlers, emit: (event: ProgressEvent) => void): Router {
  const running = new Map<string, AbortController>();

  async function dispatch(name: OperationName, payload: unknown): Promise<unknown> {
    const spec = contract[name];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      throw new ContractViolation('INVALID_INPUT', `Invalid input for ${name}: ${issues.join('; ')}`, {
        operation: name,
        issues,
      });
    }
    const input = parsed.data as { taskId?: string };

    if (name === 'cancelTask') {
      const controller = running.get((input as { taskId: string }).taskId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    }

    const taskId = typeof input.taskId === 'string' ? input.taskId : undefined;
    if (taskId !== undefined && running.has(taskId)) {
      throw new ContractViolation('TASK_ID_IN_USE', `A task with id ${taskId} is already running.`, { taskId });
    }
    const controller = new AbortController();
    if (taskId !== undefined) running.set(taskId, controller);
    const progressSchema = spec.progress;
    const reportProgress = (progress: unknown): void => {
      if (taskId === undefined || progressSchema === undefined || controller.signal.aborted) return;
      emit({ taskId, operation: name, progress: progressSchema.parse(progress) });
    };

    try {
      const handler = handlers[name] as (input: unknown, context: HandlerContext<unknown>) => unknown;
      const result = await handler(input, { signal: controller.signal, reportProgress });
      const checked = spec.output.safeParse(result);
      if (!checked.success) {
        throw new ContractViolation(
          'INVALID_OUTPUT',
          `The core returned a malformed answer to ${name}: ${describeIssues(checked.error).join('; ')}`,
          { operation: name },
        );
      }
      return checked.data;
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof WardenError)) {
        throw new WardenError('CANCELLED', `${name} was cancelled.`, { operation: name });
      }
      throw error;
    } finally {
      if (taskId !== undefined) running.delete(taskId);
    }
  }

  return {
    async call(name, payload) {
      if (!isOperationName(name)) {
        return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `No operation is named "${name}".` } };
      }
      try {
        return { ok: true, value: await dispatch(name, payload) };
      } catch (error) {
        return { ok: false, error: serializeError(error) };
      }
    },
    cancelAll() {
      for (const controller of running.values()) controller.abort();
    },
  };
}
