import { describe, expect, it } from 'vitest';
import { speckFreeRange } from 'src/modules/files/reading/ocr-specks.js';

const trimmed = (text: string): string => {
  const { start, end } = speckFreeRange(text);
  return text.slice(start, end);
};

describe('specks at a scanned line’s ends', () => {
  it.each([
    ['-       เรียน ผู้ว่าราชการจังหวัดสุพรรณบุรี |     :', 'เรียน ผู้ว่าราชการจังหวัดสุพรรณบุรี'],
    [':    ส่วนราชการ สำนักงานเกษตรจังหวัด', 'ส่วนราชการ สำนักงานเกษตรจังหวัด'],
    ["ผู้ว่าราชการจังหวัด ทุกจังหวัด ' : /", 'ผู้ว่าราชการจังหวัด ทุกจังหวัด'],
    ['การเฝ้าระวังโรคไข้เลือดออกในฤดูฝน ๊', 'การเฝ้าระวังโรคไข้เลือดออกในฤดูฝน'],
    ['. า ๊ เรื่อง ขอเชิญประชุม า', 'เรื่อง ขอเชิญประชุม'],
    [', ด้วยสำนักงานเกษตรจังหวัด', 'ด้วยสำนักงานเกษตรจังหวัด'],
  ])('drops the specks around %j', (line, expected) => {
    expect(trimmed(line)).toBe(expected);
  });

  it.each([
    ['- ผู้ว่าราชการจังหวัด', 'a list’s leading dash'],
    ['(นายสมพงษ์ ทองดี)', 'a name in brackets'],
    ['ที่ มท ๐๒๑๐.๕/ว ๑๐๕๕๗', 'a reference number'],
    ['ลงวันที่ ๑ ก.พ. ๒๕๖๙', 'an abbreviation’s dots'],
    ['ข้อมูลต่าง ๆ', 'the repetition mark after a space'],
    ['ประชุม ณ ห้องประชุม', 'a one-letter word'],
    ['กรุงเทพฯ', 'the abbreviation mark'],
    ['วันที่ 15 มกราคม 2569 :', 'nothing but the trailing colon'],
  ])('keeps %j (%s)', (line) => {
    const { start, end } = speckFreeRange(line);
    expect(start).toBe(0);
    if (line.endsWith(' :')) expect(line.slice(0, end)).toBe('วันที่ 15 มกราคม 2569');
    else expect(end).toBe(line.length);
  });

  it('leaves nothing of a line that is specks alone', () => {
    const line = ':   ;  .   -   า';
    const { start, end } = speckFreeRange(line);
    expect(line.slice(start, end).trim()).toBe('');
  });
});
