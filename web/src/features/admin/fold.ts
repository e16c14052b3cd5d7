/** Lower case without accents, đ as d: "Sở Y tế" and "so y te" compare equal (the server folds the same way). */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}
