import type { EventObject } from 'xstate';

/**
 * A button of the inspector: an event a developer may want to send by hand. `event` is asked
 * each time the actor changes; it answers null when the event cannot be made now (no session to
 * reject), and the button is enabled only when the actor accepts the event (`snapshot.can`).
 */
export interface InspectorAction {
  label: string;
  event: () => EventObject | null;
}
