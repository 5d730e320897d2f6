import { tick } from 'svelte';
import { authErrorMessage } from '../authMessages.js';
import type { FieldProblem } from './formChecks.js';

export interface SubmitOptions {
  /** The message to show for a failure; default `authErrorMessage`. */
  message?: (error: unknown) => string;
  /** Called on failure before the message shows: clear secret fields here. */
  onError?: (error: unknown) => void;
  /** The id of the input to mark invalid and focus after a failure, if any. */
  focus?: (error: unknown) => string | null;
}

/**
 * The state every auth form shares: one submission at a time (a second submit while the first is
 * in flight is refused, not queued), a message for the `role="alert"` region, and the input it is
 * about (for `aria-invalid` and focus). Field values stay in the component: it decides which are
 * secrets to clear on failure.
 */
export class FormState {
  submitting = $state(false);
  /** The last problem, in words; null while there is none. */
  error = $state<string | null>(null);
  /** The id of the input the error is about. */
  invalidId = $state<string | null>(null);

  /** Reports a problem found before any request, marks its input and focuses it. */
  invalid(problem: FieldProblem, idOf: (field: string) => string): void {
    this.#fail(problem.message, idOf(problem.field));
  }

  /** Clears the message (e.g. when the user starts again). */
  reset(): void {
    this.error = null;
    this.invalidId = null;
  }

  /**
   * Runs one request unless one is running. Resolves with its result, or `undefined` when it was
   * refused or failed (the message is then set). Never rejects.
   */
  async submit<T>(task: () => Promise<T>, options: SubmitOptions = {}): Promise<{ value: T } | undefined> {
    if (this.submitting) return undefined;
    this.submitting = true;
    this.reset();
    try {
      return { value: await task() };
    } catch (error) {
      options.onError?.(error);
      this.#fail((options.message ?? authErrorMessage)(error), options.focus?.(error) ?? null);
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  #fail(message: string, id: string | null): void {
    this.error = message;
    this.invalidId = id;
    // After the DOM has the message (and the input is enabled again): focus where to fix it.
    if (id) void tick().then(() => (globalThis.document?.getElementById(id) as HTMLElement | null)?.focus());
  }
}
