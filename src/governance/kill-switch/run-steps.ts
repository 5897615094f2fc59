import type { StepName, StepOutcome } from './record-schemas';
import { stepFailure, type StepFailure } from './step-failure';

export interface RunnableStep {
  step: StepName;
  noOp: boolean;
  summary: string;
}

export interface StepsRun {
  outcomes: StepOutcome[];
  /** The step that did not go through; the ones after it were not attempted. */
  failure: StepFailure | undefined;
}

/**
 * Runs the steps in order and stops at the first that does not go through:
 * what an operator reads afterwards is exactly what was applied, what was
 * already so, what failed and what was never tried.
 */
export async function runSteps<S extends RunnableStep>(
  planned: readonly S[],
  apply: (step: S) => Promise<string>,
): Promise<StepsRun> {
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of planned.entries()) {
    if (step.noOp) {
      outcomes.push({ step: step.step, status: 'no-op', detail: step.summary });
      continue;
    }
    try {
      outcomes.push({ step: step.step, status: 'applied', detail: await apply(step) });
    } catch (error) {
      const failure = stepFailure(error);
      outcomes.push({ step: step.step, status: failure.status, detail: failure.message, error: failure.error });
      for (const skipped of planned.slice(index + 1)) {
        outcomes.push({
          step: skipped.step,
          status: 'not-attempted',
          detail: `not attempted: the ${step.step} step did not go through`,
        });
      }
      return { outcomes, failure };
    }
  }
  return { outcomes, failure: undefined };
}

/** A run in one sentence; a failure says first what was applied before it, so a partial run reads as one. */
export function runSummary(run: StepsRun, words: { done: string; partly: string; nothing: string }): string {
  const applied = run.outcomes.filter((outcome) => outcome.status === 'applied').map((outcome) => outcome.detail);
  if (run.failure !== undefined) {
    return applied.length === 0
      ? run.failure.message
      : `${words.partly} (${applied.join('; ')}), then: ${run.failure.message}`;
  }
  return applied.length === 0 ? words.nothing : `${words.done}: ${applied.join('; ')}.`;
}
