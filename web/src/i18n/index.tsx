import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en/index.ts';
import { LOCALES, type Catalogue, type Locale, type Namespace } from './types.ts';
import { vi } from './vi/index.ts';

export type { Locale, Namespace };

const catalogues: Record<Locale, Catalogue> = { vi, en };
const STORAGE_KEY = 'namro.locale';

export type Vars = Record<string, string | number>;

/** Replaces {name} placeholders; numbers get the locale's separators. */
export function interpolate(template: string, vars: Vars | undefined, locale: Locale): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, locale) : v;
  });
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits }).format(value);
}

export function translate<N extends Namespace>(locale: Locale, ns: N, key: keyof Catalogue[N] & string, vars?: Vars): string {
  const namespace = catalogues[locale][ns] as Record<string, string>;
  const fallback = catalogues.vi[ns] as Record<string, string>;
  return interpolate(namespace[key] ?? fallback[key] ?? key, vars, locale);
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'vi', setLocale: () => undefined });

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  } catch {
    // storage blocked: Vietnamese
  }
  return 'vi';
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts for this visit
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** The translation function of one namespace: t('key', { n: 3 }). */
export function useT<N extends Namespace>(ns: N) {
  const { locale } = useLocale();
  return useCallback((key: keyof Catalogue[N] & string, vars?: Vars) => translate(locale, ns, key, vars), [locale, ns]);
}
