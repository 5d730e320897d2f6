import { createSubscriber } from 'svelte/reactivity';
import type { Clock } from '../../machines/index.js';

/**
 * The current time as a reactive value for countdowns. It ticks only while something reads it
 * in an effect or template, so an unused clock costs nothing.
 */
export class Now {
  readonly #clock: Clock;
  readonly #subscribe: () => void;

  constructor(clock: Clock, intervalMs = 1000) {
    this.#clock = clock;
    this.#subscribe = createSubscriber((update) => {
      const timer = setInterval(update, intervalMs);
      return () => clearInterval(timer);
    });
  }

  get value(): number {
    this.#subscribe();
    return this.#clock.now();
  }
}
