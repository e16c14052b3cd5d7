import type { vi } from './vi/index.ts';

/** Another language's version of a Vietnamese namespace: the same keys, each a string. */
export type Messages<T> = { [K in keyof T]: string };
export type Catalogue = { [N in keyof typeof vi]: Messages<(typeof vi)[N]> };
export type Namespace = keyof typeof vi;
export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
