import { ERROR_CATALOGUE, type ErrorCode } from '../../server/errors.ts';
import type { FaultAgency, FaultSeed } from './fault-seed.ts';
import { type Answer, call, type ReportLedger, reportOnce, type WorkloadOptions } from './report-workload.ts';

/** A refusal with the catalogue's status, code and Vietnamese message. */
export function refusalProblems(label: string, a: Answer | null | undefined, code: ErrorCode): string[] {
  const want = ERROR_CATALOGUE[code];
  if (!a) return [`${label}: never refused`];
  if (a.status !== want.status || a.code !== code) return [`${label}: answered ${a.status} ${a.code} (${a.message}), expected ${want.status} ${code}`];
  return a.message === want.vi ? [] : [`${label}: message "${a.message}"`];
}

/** The server's own account of its 500s (pino lines at error level), to say what broke. */
export function serverErrors(logs: string[]): string[] {
  return logs
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"level":50'))
    .slice(0, 5)
    .map((l) => `server log: ${l.slice(0, 1200)}`);
}

/** Sequential reads and report writes against one server, every answer in the ledger, every surprise a problem. */
export class FaultProbe {
  constructor(
    public url: string,
    private readonly seed: FaultSeed,
    private readonly ledger: ReportLedger,
    private readonly problems: string[],
    /** Heavy reports fill a disk quickly. */
    private readonly contentChars = 12_000,
  ) {}

  agencyAt(i: number): FaultAgency {
    const a = this.seed.agencies[i % this.seed.agencies.length];
    if (!a) throw new Error('no agency');
    return a;
  }

  private options(): WorkloadOptions {
    return { url: this.url, ledger: this.ledger, stop: { now: false }, contentChars: this.contentChars };
  }

  /** The report list, each agency's current report and the health check must all answer 200. */
  async reads(label: string): Promise<void> {
    for (const [i, a] of this.seed.agencies.entries()) {
      const answers = [
        await call(this.url, this.seed.coordinatorToken, 'GET', '/api/reports?pageSize=10&page=1'),
        await call(this.url, a.staffToken, 'GET', `/api/assignments/${a.assignmentId}/report`),
        ...(i === 0 ? [await call(this.url, a.staffToken, 'GET', '/api/health')] : []),
      ];
      for (const r of answers) {
        this.ledger.note('read', r);
        if (r.status !== 200) this.problems.push(`${label}: a read answered ${r.status} ${r.code} (${r.message})`);
      }
    }
  }

  /** `rounds` reports taken from draft to submitted, each of which must succeed. */
  async writesWork(label: string, rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      const outcome = await reportOnce(this.options(), this.agencyAt(i));
      if (outcome !== 'done') this.problems.push(`${label}: a report write was ${outcome} (${this.ledger.lastRefusal?.status} ${this.ledger.lastRefusal?.code})`);
    }
  }

  /** Writes reports until one is refused (a full disk may still take a few); that refusal, or null. */
  async writeUntilRefused(maxAttempts: number): Promise<Answer | null> {
    for (let i = 0; i < maxAttempts; i++) {
      if ((await reportOnce(this.options(), this.agencyAt(i))) !== 'done') return this.ledger.lastRefusal;
    }
    return null;
  }
}
