import { describe, expect, it } from 'vitest';
import { chartToSvg, type ChartLayout } from '../../../machines/inspect/chart/index.js';

const LAYOUT: ChartLayout = {
  fingerprint: 'test',
  width: 300,
  height: 200,
  boxes: [
    { id: 'm', parent: null, key: 'm', depth: 0, initial: false, invokes: [], x: 0, y: 0, width: 300, height: 200 },
    { id: 'm.a', parent: 'm', key: 'a', depth: 1, initial: true, invokes: ['invoke load'], x: 10, y: 40, width: 80, height: 50 },
    { id: 'm.b', parent: 'm', key: 'b', depth: 1, initial: false, invokes: [], x: 10, y: 140, width: 80, height: 40 },
  ],
  edges: [
    {
      id: 'm.a->m.b',
      source: 'm.a',
      target: 'm.b',
      lines: [{ transition: 'm.a|GO|0', event: 'GO', guard: 'a<b & "c"', text: 'GO [a<b & "c"]' }],
      points: [{ x: 50, y: 90 }, { x: 50, y: 140 }],
      label: { x: 60, y: 110, width: 90, height: 14 },
    },
  ],
};

describe('chartToSvg', () => {
  const svg = chartToSvg(LAYOUT);

  it('is a standalone SVG document with a group per state and per edge', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="316" height="216" viewBox="-8 -8 316 216"/);
    expect(svg.match(/<g data-state=/g)).toHaveLength(3);
    expect(svg).toContain('<g data-edge="m.a-&gt;m.b">');
    expect(svg).toContain('<path d="M50 90 L50 140"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('marks the initial state and lists invocations', () => {
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('>invoke load</text>');
  });

  it('escapes text, so any event or guard name stays well-formed XML', () => {
    expect(svg).toContain('GO [a&lt;b &amp; &quot;c&quot;]');
    expect(svg).not.toContain('a<b');
  });
});
