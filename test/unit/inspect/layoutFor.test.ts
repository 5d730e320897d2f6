import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { authMachine } from '../../../machines/index.js';
import { chartFingerprint, layoutFor, type ChartLayout, type ChartLayouter } from '../../../machines/inspect/chart/index.js';

/** An ELK that must not be asked (the saved layout should be used), or that answers nothing. */
function elkThat(asked: string[]): () => ChartLayouter {
  return () => ({
    layout: async () => {
      asked.push('layout');
      throw new Error('ELK was asked');
    },
  });
}

describe('layoutFor', () => {
  it("draws the layout `npm run statechart` saved, which fits today's chart, without ELK", async () => {
    const saved = JSON.parse(await readFile('docs/statechart.layout.json', 'utf8')) as ChartLayout;
    const asked: string[] = [];
    expect(saved.fingerprint).toBe(chartFingerprint(authMachine));
    expect(await layoutFor(authMachine, elkThat(asked), saved)).toBe(saved);
    expect(asked).toEqual([]);
  });

  it('asks ELK when the saved layout was made from another chart', async () => {
    const saved = JSON.parse(await readFile('docs/statechart.layout.json', 'utf8')) as ChartLayout;
    const asked: string[] = [];
    await expect(layoutFor(authMachine, elkThat(asked), { ...saved, fingerprint: '00000000' })).rejects.toThrow('ELK was asked');
    await expect(layoutFor(authMachine, elkThat(asked))).rejects.toThrow('ELK was asked');
    expect(asked).toEqual(['layout', 'layout']);
  });

  it('fingerprints what ELK is given: the same chart the same, a new transition or guard another', () => {
    const chart = (withRetry: boolean, guard?: string) =>
      createMachine({
        id: 'm',
        initial: 'a',
        states: { a: { on: { GO: guard ? { target: 'b', guard } : 'b' } }, b: { on: withRetry ? { RETRY: 'a' } : {} } },
      });
    expect(chartFingerprint(authMachine.provide({}))).toBe(chartFingerprint(authMachine));
    expect(chartFingerprint(chart(false))).toBe(chartFingerprint(chart(false)));
    expect(chartFingerprint(chart(true))).not.toBe(chartFingerprint(chart(false)));
    expect(chartFingerprint(chart(false, 'ready'))).not.toBe(chartFingerprint(chart(false)));
  });

  it('writes every fingerprint as eight hex digits, small hashes with leading zeros', () => {
    // About one chart in sixteen hashes below 0x10000000; among a hundred, several do.
    const fingerprints = Array.from({ length: 100 }, (_, index) => chartFingerprint(createMachine({ id: `m${index}` })));
    expect(fingerprints.filter((fingerprint) => !/^[0-9a-f]{8}$/.test(fingerprint))).toEqual([]);
    expect(fingerprints.some((fingerprint) => fingerprint.startsWith('0'))).toBe(true);
  });
});
