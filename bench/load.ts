/**
 * Load through the real server with autocannon (issue 7): 50 clients saving reports as fast as they can,
 * then 200 clients of mixed traffic (reads of leaders and agencies, report writes) for a fixed time.
 * autocannon reports p50 / p90 / p97.5 / p99 (it has no p95: p97.5 is the stricter figure given).
 */
import autocannon from 'autocannon';

export interface LoadFigures {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  perSecond: number;
  errors: number;
  non2xx: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  /** What the client-side errors were (ECONNRESET, timeout…): the target is none. */
  errorKinds: Record<string, number>;
}

export interface Sessions {
  agencyCookie: string;
  agencyCsrf: string;
  leaderCookie: string;
  ownAssignments: readonly number[];
  taskIds: readonly number[];
}

function run(name: string, options: autocannon.Options): Promise<LoadFigures> {
  const errorKinds: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => {
      if (err) return reject(err);
      resolve({
        name,
        connections: options.connections ?? 10,
        seconds: options.duration as number,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.average),
        // autocannon's errors include its timeouts (requests unanswered after 10 s).
        errors: result.errors,
        non2xx: result.non2xx,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        errorKinds,
      });
    });
    instance.on('reqError', (error: Error & { code?: string }) => {
      const kind = error.code ?? error.message;
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    });
  });
}

function reportWrite(s: Sessions, i: number): autocannon.Request {
  return {
    method: 'PUT',
    path: `/api/assignments/${s.ownAssignments[i % s.ownAssignments.length]}/report`,
    headers: { cookie: s.agencyCookie, 'x-csrf-token': s.agencyCsrf, 'content-type': 'application/json' },
    body: JSON.stringify({ results: `Đã triển khai các nội dung theo kế hoạch, lần cập nhật ${i}.`, progress: 10 + (i % 80) }),
  };
}

/** 50 clients saving progress reports (draft save: validation, permission, write and audit in one transaction). */
export function reportSubmissions(base: string, s: Sessions, seconds: number): Promise<LoadFigures> {
  let i = 0;
  return run('50 clients saving reports', {
    url: base,
    connections: 50,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...reportWrite(s, i++) }) }],
  });
}

/** 200 clients: nine reads (dashboard, task list with filters, a task, search, the agency's list) for each write. */
export function mixedTraffic(base: string, s: Sessions, seconds: number, dashboardPath: string): Promise<LoadFigures> {
  let i = 0;
  const leader = { cookie: s.leaderCookie };
  const reads = (n: number): autocannon.Request[] => [
    { method: 'GET', path: dashboardPath, headers: leader },
    { method: 'GET', path: '/api/tasks?statusClass=overdue&sort=-due_on&pageSize=20', headers: leader },
    { method: 'GET', path: `/api/tasks/${s.taskIds[n % s.taskIds.length]}`, headers: leader },
    { method: 'GET', path: '/api/tasks?q=chuyen%20doi%20so&pageSize=20', headers: leader },
    { method: 'GET', path: '/api/assignments?pageSize=50', headers: { cookie: s.agencyCookie } },
  ];
  return run('200 clients, mixed traffic', {
    url: base,
    connections: 200,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const n = i++;
          const slot = n % 10;
          if (slot === 9) return { ...req, ...reportWrite(s, n) };
          const list = reads(n);
          return { ...req, ...list[slot % list.length] };
        },
      },
    ],
  });
}
