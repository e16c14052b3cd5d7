import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer } from './report-workload.ts';

/** POST /api/files with one multipart file, as the web app uploads evidence. */
export async function uploadFile(url: string, token: string, bytes: Buffer, name: string): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  try {
    const res = await fetch(`${url}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(20_000) });
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return { status: res.status, code: res.ok ? '' : String(body.error?.code), message: res.ok ? '' : String(body.error?.message), retryAfter: res.headers.get('retry-after'), body };
  } catch {
    return { status: 0, code: '', message: 'no answer', retryAfter: null, body: null };
  }
}

/** Every file under a directory, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}
