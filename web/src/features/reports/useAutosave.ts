import { useCallback, useEffect, useRef, useState } from 'react';
import { clearLocalDraft, isValidProgress, sameDraft, writeLocalDraft } from './draftStorage.ts';
import type { ReportDraft } from './types.ts';

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutosaveState {
  status: AutosaveStatus;
  savedAt: Date | null;
  error: unknown;
  /** Saves now what is pending (before submitting, adding evidence or leaving); resolves when saved. */
  flush(): Promise<void>;
  /** Tells the hook what the server holds, so that only real changes are saved. */
  setBaseline(values: ReportDraft): void;
}

interface Options {
  values: ReportDraft | null;
  storageKey: string;
  enabled: boolean;
  save(values: ReportDraft): Promise<void>;
  delayMs?: number;
}

/**
 * Saves a report draft to the server a moment after the typing stops, and at once to this browser.
 * Values the server would refuse (progress out of 0–100) are kept locally and not sent.
 */
export function useAutosave({ values, storageKey, enabled, save, delayMs = 1500 }: Options): AutosaveState {
  const [status, setStatus] = useState<AutosaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<unknown>(null);
  const baseline = useRef<ReportDraft | null>(null);
  const latest = useRef<ReportDraft | null>(values);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
    latest.current = values;
  });

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current.catch(() => undefined);
    const current = latest.current;
    if (!current || !isValidProgress(current.progress)) return;
    if (baseline.current && sameDraft(current, baseline.current)) return;
    setStatus('saving');
    const attempt = saveRef
      .current(current)
      .then(() => {
        baseline.current = current;
        setSavedAt(new Date());
        setError(null);
        // Only what the server now holds may leave the browser's copy.
        if (latest.current && sameDraft(latest.current, current)) {
          clearLocalDraft(storageKey);
          setStatus('saved');
        } else setStatus('pending');
      })
      .catch((err: unknown) => {
        setError(err);
        setStatus('error');
        throw err;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    return attempt;
  }, [storageKey]);

  useEffect(() => {
    if (!enabled || !values) return;
    if (baseline.current && sameDraft(values, baseline.current)) return;
    writeLocalDraft(storageKey, values);
    setStatus('pending');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run().catch(() => undefined), delayMs);
  }, [values, enabled, storageKey, delayMs, run]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const setBaseline = useCallback((v: ReportDraft) => {
    baseline.current = v;
  }, []);

  return { status, savedAt, error, flush: run, setBaseline };
}
