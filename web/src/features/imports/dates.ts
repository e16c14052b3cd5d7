import dayjs, { type Dayjs } from 'dayjs';

/** dd/mm/yyyy in every date picker, like the documents write dates. */
export const DATE_FORMAT = 'DD/MM/YYYY';

export const toDayjs = (iso: string | null | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
export const fromDayjs = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);
