import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../server/audit/service.ts';
import { SYSTEM_ACTOR } from '../server/auth/actor.ts';
import { sharedRead } from '../server/db/shared-reads.ts';
import { forEachDialect, freshDatabase, type TestDatabase } from './helpers/db.ts';

/** Identical heavy reads share one computation, and a change (its audit row) makes the next one compute again. */
forEachDialect('shared reads', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(dialect);
  });
  afterAll(async () => t?.close());

  /** A computation that counts its runs and answers the run number after a pause. */
  function counted() {
    let runs = 0;
    return {
      runs: () => runs,
      compute: async () => {
        runs++;
        const run = runs;
        await new Promise((r) => setTimeout(r, 20));
        return { run };
      },
    };
  }

  it('computes once for ten identical requests at once, and again after a change', async () => {
    const c = counted();
    const answers = await Promise.all(Array.from({ length: 10 }, () => sharedRead(t.db, 'same', c.compute)));
    expect(c.runs()).toBe(1);
    expect(new Set(answers.map((a) => a.run))).toEqual(new Set([1]));
    // Nothing changed: the answer is reused.
    expect(await sharedRead(t.db, 'same', c.compute)).toEqual({ run: 1 });
    expect(c.runs()).toBe(1);
    // Another key is another computation.
    expect(await sharedRead(t.db, 'other', c.compute)).toEqual({ run: 2 });
    // A change, recorded as every change is: computed again.
    await recordAudit(t.db, SYSTEM_ACTOR, { action: 'update', entityType: 'setting', entityId: 1, before: null, after: { probe: true } });
    expect(await sharedRead(t.db, 'same', c.compute)).toEqual({ run: 3 });
    expect(await sharedRead(t.db, 'same', c.compute)).toEqual({ run: 3 });
  });

  it('shares the answer with the transactions of the same database, and keeps no failure', async () => {
    const c = counted();
    const first = await sharedRead(t.db, 'in-transaction', c.compute);
    const inside = await t.db.transaction().execute((trx) => sharedRead(trx, 'in-transaction', c.compute));
    expect(inside).toEqual(first);
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error('database unavailable');
    };
    await expect(sharedRead(t.db, 'failing', failing)).rejects.toThrow('database unavailable');
    await expect(sharedRead(t.db, 'failing', failing)).rejects.toThrow('database unavailable');
    expect(attempts).toBe(2);
  });
});
