/**
 * A bound on work that is heavy for memory and the CPU, such as building a DOCX or an Excel workbook: at most
 * `slots` run at once, the others wait their turn, first come first served. On a small server ten monthly
 * reports built at once finish no sooner than two at a time, but hold ten documents in memory and stall every
 * other request meanwhile.
 */
export function limitConcurrency(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    // A finishing run hands its slot straight to the next in line, so a newcomer cannot slip past the queue.
    if (running < slots) running++;
    else await new Promise<void>((resume) => waiting.push(resume));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Documents and workbooks produced on request (documents/, exports/): two at a time per server process. */
export const produceDocument = limitConcurrency(2);
