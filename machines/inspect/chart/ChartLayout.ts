/** A point in chart coordinates (pixels, origin at the top left of the whole chart). */
export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartRect extends ChartPoint {
  width: number;
  height: number;
}

/** One state node, drawn as a box; compound states contain their children's boxes. */
export interface ChartBox extends ChartRect {
  /** The state node's id (`auth.signedIn.idle`): what snapshots and transitions refer to. */
  id: string;
  /** The id of the state it sits in; null for the root. */
  parent: string | null;
  /** Its key within its parent (`idle`), the box's title. */
  key: string;
  /** How many boxes it sits in: the root is 0. */
  depth: number;
  /** The state its parent enters first. */
  initial: boolean;
  /** Actors the state invokes while it is active, by source name. */
  invokes: string[];
}

/** One transition as an edge's label shows it, one line each. */
export interface ChartEdgeLine {
  /** Which transition this is (see transitionKey). */
  transition: string;
  /** The event as the chart shows it (`after refreshDue`, `done restoreSession`, `REFRESH`). */
  event: string;
  guard: string | null;
  text: string;
}

/**
 * The transitions from one box to another, drawn as one polyline with one label line each
 * (guarded alternatives often share a target: one edge each would double the lines to route).
 */
export interface ChartEdge {
  /** Unique within the chart. */
  id: string;
  source: string;
  target: string;
  lines: ChartEdgeLine[];
  points: ChartPoint[];
  label: ChartRect;
}

/** The whole chart, laid out: everything a renderer needs, in absolute coordinates. */
export interface ChartLayout {
  /** chartFingerprint of the machine laid out: a saved layout is used only while it still fits. */
  fingerprint: string;
  width: number;
  height: number;
  /** Outer boxes before inner ones, so drawing in order paints children on top. */
  boxes: ChartBox[];
  edges: ChartEdge[];
}
