import { expect, it } from 'vitest';
import { limitConcurrency } from '../server/http/heavy-work.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs at most two at once, in the order they came, and a failure frees its slot', async () => {
  const run = limitConcurrency(2);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const job = (i: number) => async () => {
    started.push(i);
    running++;
    most = Math.max(most, running);
    await pause(5);
    running--;
    if (i === 1) throw new Error('document failed');
    return i;
  };
  const first = Array.from({ length: 6 }, (_, i) => run(job(i)));
  // A newcomer while the queue is full waits behind those already in line.
  await pause(1);
  const late = run(job(6));
  const settled = await Promise.allSettled([...first, late]);
  expect(most).toBe(2);
  expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(settled[1]).toMatchObject({ status: 'rejected' });
  expect(settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value)).toEqual([0, 2, 3, 4, 5, 6]);
  // Every slot is free again.
  const again = await Promise.all([run(async () => 'a'), run(async () => 'b')]);
  expect(again).toEqual(['a', 'b']);
});
