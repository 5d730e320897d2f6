import { describe, expect, it } from 'vitest';
import { boxFill, chartToSvg, type ChartBox, type ChartLayout } from '../../../machines/inspect/chart/index.js';

// Built inside each test, never at collection or in beforeAll: StrykerJS switches a mutant on
// per test, so a document made earlier would never contain the mutant (issue 20).
const box = (fields: Partial<ChartBox> & Pick<ChartBox, 'id' | 'key'>): ChartBox => ({
  parent: null,
  depth: 0,
  initial: false,
  invokes: [],
  x: 0,
  y: 0,
  width: 80,
  height: 40,
  ...fields,
});

const LAYOUT: ChartLayout = {
  fingerprint: 'test',
  width: 300,
  height: 200,
  boxes: [
    box({ id: 'm', key: 'm', width: 300, height: 200 }),
    box({ id: 'm.a', parent: 'm', key: 'a', depth: 1, initial: true, invokes: ['invoke load', 'invoke poll'], x: 10, y: 40, width: 80, height: 50 }),
  ],
  edges: [
    {
      id: 'm.a->m.b',
      source: 'm.a',
      target: 'm.b',
      lines: [
        { transition: 'm.a|GO|0', event: 'GO', guard: null, text: 'GO' },
        { transition: 'm.a|BACK|0', event: 'BACK', guard: null, text: 'BACK' },
      ],
      points: [{ x: 50, y: 90 }, { x: 50, y: 120 }, { x: 60, y: 140 }],
      label: { x: 60, y: 110, width: 90, height: 28 },
    },
  ],
};

describe('chartToSvg', () => {
  it('draws the layout as a standalone SVG document, one line per state and per edge', () => {
    // Worked out by hand from chartMetrics (padding 10, header 24, title 12 px, text 10 px, line
    // 14 px) and a margin of 8 around the chart: e.g. the initial box's title moves right by 10
    // for its dot, and its second invocation sits one line (14) below the first.
    expect(chartToSvg(LAYOUT).split('\n')).toEqual([
      '<svg xmlns="http://www.w3.org/2000/svg" width="316" height="216" viewBox="-8 -8 316 216" font-family="ui-monospace, SFMono-Regular, Menlo, Consolas, monospace">',
      '<defs><marker id="chart-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#64748b"/></marker></defs>',
      '<rect x="-8" y="-8" width="316" height="216" fill="#ffffff"/>',
      '<g data-state="m"><rect x="0" y="0" width="300" height="200" rx="8" fill="#f8fafc" stroke="#94a3b8"/><text x="10" y="16" font-size="12" font-weight="700" fill="#0f172a">m</text></g>',
      '<g data-state="m.a"><rect x="10" y="40" width="80" height="50" rx="8" fill="#f1f5f9" stroke="#94a3b8"/>' +
        '<text x="30" y="56" font-size="12" font-weight="700" fill="#0f172a">a</text>' +
        '<circle cx="23" cy="52" r="3.5" fill="#0f172a"/>' +
        '<text x="20" y="69" font-size="10" fill="#475569">invoke load</text>' +
        '<text x="20" y="83" font-size="10" fill="#475569">invoke poll</text></g>',
      '<g data-edge="m.a-&gt;m.b"><path d="M50 90 L50 120 L60 140" fill="none" stroke="#64748b" marker-end="url(#chart-arrow)"/>' +
        '<rect x="60" y="110" width="90" height="28" fill="#ffffff" opacity="0.85"/>' +
        '<text x="60" y="120" font-size="10" fill="#0f172a">GO</text>' +
        '<text x="60" y="134" font-size="10" fill="#0f172a">BACK</text></g>',
      '</svg>',
      '',
    ]);
  });

  it('escapes every name, so any state, event or guard stays well-formed XML', () => {
    const layout: ChartLayout = {
      ...LAYOUT,
      boxes: [box({ id: 'm."q"', key: '<k>', invokes: ['invoke a&b'] })],
      edges: [{ ...LAYOUT.edges[0]!, id: 'a&b', lines: [{ transition: 't', event: 'GO', guard: 'a<b & "c"', text: 'GO [a<b & "c"]' }] }],
    };
    const svg = chartToSvg(layout);
    expect(svg).toContain('<g data-state="m.&quot;q&quot;">');
    expect(svg).toContain('>&lt;k&gt;</text>');
    expect(svg).toContain('>invoke a&amp;b</text>');
    expect(svg).toContain('<g data-edge="a&amp;b">');
    expect(svg).toContain('>GO [a&lt;b &amp; &quot;c&quot;]</text>');
    expect(svg).not.toMatch(/<k>|a<b|"c"|a&b/);
  });

  it('gives nested boxes alternating fills, so a child stands out from its parent', () => {
    expect([0, 1, 2, 3].map((depth) => boxFill(box({ id: 'x', key: 'x', depth })))).toEqual(['#f8fafc', '#f1f5f9', '#f8fafc', '#f1f5f9']);
  });
});
