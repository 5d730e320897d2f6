const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A timer's time left, to the second while it matters: `42s`, `3m 07s`, `5h 02m`, `24d`.
 * (Switched-off timers run for about 24 days, the longest delay a browser timer takes.)
 */
export function formatCountdown(ms: number): string {
  const left = Math.max(0, Math.ceil(ms / SECOND) * SECOND);
  const pad = (value: number) => String(value).padStart(2, '0');
  if (left >= DAY) return `${Math.floor(left / DAY)}d`;
  if (left >= HOUR) return `${Math.floor(left / HOUR)}h ${pad(Math.floor((left % HOUR) / MINUTE))}m`;
  if (left >= MINUTE) return `${Math.floor(left / MINUTE)}m ${pad((left % MINUTE) / SECOND)}s`;
  return `${left / SECOND}s`;
}
