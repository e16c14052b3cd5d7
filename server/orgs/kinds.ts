/** Kinds of organisation in the directory (see DESIGN.md glossary). */
export const ORG_KINDS = [
  'province', // the provincial People's Committee (UBND tỉnh): the root
  'office', // Văn phòng UBND tỉnh
  'department', // sở
  'agency', // provincial bodies that are not departments: Công an tỉnh, Thuế, BHXH, Báo, Đài…
  'centre', // trung tâm (usually a sub-unit)
  'unit', // phòng, ban inside a department or the Office
  'district', // huyện, thị xã, thành phố (until 30/6/2025)
  'commune', // xã, phường, thị trấn
  'external', // bodies outside the province: ministries, C06, banks, enterprises
  'group', // collective names that expand to many orgs ("Các sở, ban, ngành")
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const SUCCESSION_KINDS = ['merger', 'rename', 'split'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];
