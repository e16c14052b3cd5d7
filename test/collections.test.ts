import { describe, expect, it } from 'vitest';
import { groupBy, pushInto } from '../server/collections.ts';

describe('grouping helpers', () => {
  it('groups values by key in the order the items came, keys in order of first appearance', () => {
    const rows = [
      { org: 2, id: 10 },
      { org: 1, id: 11 },
      { org: 2, id: 12 },
    ];
    expect([...groupBy(rows, (r) => r.org, (r) => r.id)]).toEqual([
      [2, [10, 12]],
      [1, [11]],
    ]);
    expect(groupBy([], (r: { org: number }) => r.org, (r) => r).size).toBe(0);
  });

  it('adds to the list already under a key instead of replacing it', () => {
    const lists = new Map<string, number[]>([['a', [1]]]);
    pushInto(lists, 'a', 2);
    pushInto(lists, 'b', 3);
    expect(lists).toEqual(new Map([['a', [1, 2]], ['b', [3]]]));
  });
});
