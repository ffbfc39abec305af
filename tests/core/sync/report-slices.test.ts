import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op } from '../../../electron/core/sync/changes';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { ReportBuilder } from '../../../electron/core/sync/report';
import type { SyncReplica } from '../../../electron/core/sync/replica';
import type { StatusRegister } from '../../../electron/core/sync/state';

const SELF = 'a'.repeat(16);
const OTHER = 'b'.repeat(16);

/**
 * A replica as ReportBuilder reads it before changes are taken in: this device's id and each paper's joined
 * status (this device's on even papers, another's on odd ones, weak on every fifth), with the joins counted.
 */
function replicaOf(papers: number) {
  const joins: string[] = [];
  const statusOf = (id: string): StatusRegister => {
    const n = Number(id.slice(1));
    return {
      value: 'read',
      mark: { hlc: makeStamp(1_000 + n, 0, n % 2 === 0 ? SELF : OTHER), seq: n + 1 },
      ...(n % 5 === 0 && { weak: true }),
    };
  };
  const replica = {
    device: SELF,
    seen: new Map<string, number>(),
    view: {
      joined: (id: string) => {
        joins.push(id);
        return Number(id.slice(1)) < papers ? { status: statusOf(id) } : undefined;
      },
    },
  } as unknown as SyncReplica;
  return { replica, joins };
}

const statusesOf = (builder: ReportBuilder) =>
  [...(builder as unknown as { statuses: Map<string, StatusRegister> }).statuses.entries()].sort();

describe("a sync's report, before the changes are taken in", () => {
  it('looks at the changes in slices that give the event loop back, and finds what one pass finds', () => {
    const op = fc.record({
      kind: fc.constantFrom('status', 'tag'),
      paper: fc.nat(40),
      device: fc.constantFrom(SELF, OTHER, 'c'.repeat(16)),
      weak: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300, size: 'max' }), (drawn) => {
        const ops = drawn.map(
          ({ kind, paper, device, weak }, i) =>
            ({
              op: kind,
              seq: i + 1,
              hlc: makeStamp(2_000 + i, 0, device),
              paper: `p${paper}`,
              ...(kind === 'status' ? { status: 'queued' } : { tag: 'x', on: true }),
              ...(weak && { weak: true }),
            }) as unknown as Op,
        );
        const once = replicaOf(35);
        const whole = new ReportBuilder(once.replica, new Map());
        expect(whole.beforeReceive(ops)).toBe(ops.length);

        // A deadline already passed: each call stops at its first look at the clock.
        const { replica, joins } = replicaOf(35);
        const sliced = new ReportBuilder(replica, new Map());
        const stops: number[] = [];
        for (let at = 0; at < ops.length;) {
          const next = sliced.beforeReceive(ops, at, -Infinity);
          expect(next).toBeGreaterThan(at);
          stops.push(next);
          at = next;
        }
        expect(statusesOf(sliced)).toEqual(statusesOf(whole));
        // Slices of 31 changes, the last shorter; no change looked at twice: the same joins as in one pass.
        expect(stops).toEqual(
          Array.from({ length: Math.ceil(ops.length / 31) }, (_, k) => Math.min(ops.length, 31 * (k + 1))),
        );
        expect(joins).toEqual(once.joins);
        // Only statuses of other devices, not weak, on papers whose joined status is this device's, strong.
        for (const [id, status] of statusesOf(sliced)) {
          const n = Number(id.slice(1));
          expect(n % 2 === 0 && n % 5 !== 0 && n < 35, id).toBe(true);
          expect(status.mark.hlc.endsWith(SELF)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
