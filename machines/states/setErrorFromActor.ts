/** An invoked actor's failure becomes the machine's error (`onError: { actions: setErrorFromActor }`). */
export const setErrorFromActor = {
  type: 'setError',
  params: ({ event }: { event: { error: unknown } }) => ({ error: event.error }),
} as const;
