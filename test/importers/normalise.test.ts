import { describe, expect, it } from 'vitest';
import { cleanCellText } from '../../server/importers/cell-text.ts';
import { latexToText } from '../../server/importers/latex.ts';
import { foldSameLength, normaliseText } from '../../server/importers/normalise.ts';

describe('normalising extracted text', () => {
  it('drops the BOM, makes line ends "\\n" and composes NFD into NFC', () => {
    const nfd = '\uFEFFSở Khoa học và Công nghệ\r\nThường xuyên\rhết'.normalize('NFD');
    expect(normaliseText(nfd)).toBe('Sở Khoa học và Công nghệ\nThường xuyên\nhết');
  });

  it('turns LaTeX comparisons into signs, keeping the decimal comma', () => {
    expect(latexToText('$\\geq 0,8$')).toBe('≥ 0,8');
    expect(latexToText('$\\geq 3\\%$ và tăng dần')).toBe('≥ 3% và tăng dần');
    expect(latexToText('$\\leq 20$; $\\le 5$')).toBe('≤ 20; ≤ 5');
    expect(latexToText('giá $5 và $6')).toBe('giá $5 và $6');
  });

  it('removes Markdown emphasis but keeps a footnote mark', () => {
    expect(normaliseText('**ngày 18 hàng tháng**, *hoàn thành trong tháng 6/2025*. (*)')).toBe('ngày 18 hàng tháng, hoàn thành trong tháng 6/2025. (*)');
  });

  it('folds Vietnamese letter for letter, so positions carry over to the original', () => {
    const text = 'Đẩy mạnh SỐ HÓA, ƯU TIÊN ứng dụng';
    const folded = foldSameLength(text);
    expect(folded).toBe('day manh so hoa, uu tien ung dung');
    expect(folded).toHaveLength(text.length);
    expect(foldSameLength(text.normalize('NFC'))).toBe(folded);
  });
});

describe('table cell text', () => {
  it('keeps list items as "- item", drops inline markup, decodes entities', () => {
    expect(cleanCellText('<ul style="list-style-type: none"> <li>Định danh</li><li> - Phát triển</li></ul>')).toBe('- Định danh - Phát triển');
    expect(cleanCellText('tỉnh (<i>Khu Kinh tế</i>)')).toBe('tỉnh (Khu Kinh tế)');
    expect(cleanCellText('Sở GD&amp;ĐT<br/>và Sở Y tế')).toBe('Sở GD&ĐT và Sở Y tế');
  });
});
