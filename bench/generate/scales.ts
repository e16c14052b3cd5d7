/** Dataset sizes for `npm run bench -- --scale S|M|L` (issue 7): one province, ten, the whole country. */
export interface Scale {
  name: 'S' | 'M' | 'L';
  provinces: number;
  departmentsPerProvince: number;
  communesPerProvince: number;
  ministries: number;
  tasks: number;
  /** Assignments per task on average (the lead plus coordinating agencies). */
  assignmentsPerTask: number;
  tasksPerDirective: number;
  indicatorsPerDirective: number;
  months: number;
}

export const SCALES: Record<Scale['name'], Scale> = {
  S: { name: 'S', provinces: 1, departmentsPerProvince: 20, communesPerProvince: 178, ministries: 0, tasks: 2_000, assignmentsPerTask: 2.5, tasksPerDirective: 80, indicatorsPerDirective: 10, months: 12 },
  M: { name: 'M', provinces: 10, departmentsPerProvince: 20, communesPerProvince: 120, ministries: 10, tasks: 20_000, assignmentsPerTask: 2.75, tasksPerDirective: 80, indicatorsPerDirective: 10, months: 12 },
  L: { name: 'L', provinces: 34, departmentsPerProvince: 25, communesPerProvince: 97, ministries: 30, tasks: 200_000, assignmentsPerTask: 3, tasksPerDirective: 100, indicatorsPerDirective: 10, months: 12 },
};

export function isScaleName(value: string): value is Scale['name'] {
  return value === 'S' || value === 'M' || value === 'L';
}
