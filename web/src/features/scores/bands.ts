/**
 * The server names the band in Vietnamese (server/domain/scoring.ts BANDS); here each is matched to its
 * translation key and colour. An unknown label (a future band) is shown as the server wrote it.
 */
export type BandKey = 'band.excellent' | 'band.good' | 'band.done' | 'band.failed';

export type BandColour = 'green' | 'blue' | 'gold' | 'red';

const BANDS: Record<string, { key: BandKey; colour: BandColour }> = {
  'Hoàn thành xuất sắc nhiệm vụ': { key: 'band.excellent', colour: 'green' },
  'Hoàn thành tốt nhiệm vụ': { key: 'band.good', colour: 'blue' },
  'Hoàn thành nhiệm vụ': { key: 'band.done', colour: 'gold' },
  'Không hoàn thành nhiệm vụ': { key: 'band.failed', colour: 'red' },
};

/** Dark text on a light ground (antd's preset tags fall under WCAG AA contrast). */
export const BAND_STYLE: Record<BandColour, { color: string; background: string; borderColor: string }> = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  blue: { color: '#003a8c', background: '#e6f4ff', borderColor: '#91caff' },
  gold: { color: '#613400', background: '#fffbe6', borderColor: '#ffe58f' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function bandOf(label: string): { key: BandKey; colour: BandColour } | null {
  return BANDS[label] ?? null;
}

/** yyyy-mm moved by some months (negative for earlier). */
export function shiftMonth(label: string, months: number): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
