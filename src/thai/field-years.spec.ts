import { describe, expect, it } from 'vitest';
import { fieldYearsRepaired } from 'src/thai/field-years.js';

describe('fieldYearsRepaired', () => {
  it.each([
    // พ.ศ. read as Latin letters before a Thai-digit year.
    ['แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ WA. ๒๕๗๐', 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๗๐'],
    ['การประเมินผล ประจำปี na, ๒๕๖๗', 'การประเมินผล ประจำปี พ.ศ. ๒๕๖๗'],
    // A speck glued after ปี.
    ['การรณรงค์ป้องกันไข้เลือดออก ปี.๒๕๖๘', 'การรณรงค์ป้องกันไข้เลือดออก ปี ๒๕๖๘'],
    // The year's first digit misread, near the letter's year.
    ['โครงการอบรมคุณธรรม ปี ๙๕๖๘', 'โครงการอบรมคุณธรรม ปี ๒๕๖๘'],
    ['ประจำปีงบประมาณ พ.ศ. ๕๕๖๙', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๙'],
    ['ปีการศึกษา ๘๕๖๗', 'ปีการศึกษา ๒๕๖๗'],
    ['ภัยหนาว ปี,๕๕๖๘', 'ภัยหนาว ปี ๒๕๖๘'],
    // ปี with its vowel lost before a Buddhist-era year, Thai or Arabic digits.
    ['การจัดงานวันเด็กแห่งชาติ ประจำป ๒๕๖๙', 'การจัดงานวันเด็กแห่งชาติ ประจำปี ๒๕๖๙'],
    ['การคัดเลือกครูดีเด่น ประจำป 2569', 'การคัดเลือกครูดีเด่น ประจำปี 2569'],
    ['การรณรงค์ฉีดวัคซีน ป 2568', 'การรณรงค์ฉีดวัคซีน ปี 2568'],
    ['แผนปฏิบัติการ ประจำป๒๕๗๐', 'แผนปฏิบัติการ ประจำปี๒๕๗๐'],
    // พ.ศ. glued to its year: the space back, nothing else.
    ['ประจำปีงบประมาณ พ.ศ.๒๕๗๐', 'ประจำปีงบประมาณ พ.ศ. ๒๕๗๐'],
    ['การตรวจสุขภาพประจำปี พ.ศ.2568', 'การตรวจสุขภาพประจำปี พ.ศ. 2568'],
    // ประจำปี with its vowel lost before a word or at the end.
    ['การจัดงานกาชาดและงานประจำปจังหวัดร้อยเอ็ด', 'การจัดงานกาชาดและงานประจำปีจังหวัดร้อยเอ็ด'],
    ['การรายงานข้อมูลครุภัณฑ์ประจำป', 'การรายงานข้อมูลครุภัณฑ์ประจำปี'],
    ['การตรวจสอบพัสดุประจำป งบประมาณ ๒๕๖๘', 'การตรวจสอบพัสดุประจำปี งบประมาณ ๒๕๖๘'],
  ])('%s → %s', (read, printed) => {
    expect(fieldYearsRepaired(read, 2568).text).toBe(printed);
  });

  it.each([
    'ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
    // ประจำประเทศ, ประจำปาก…: ประจำป with ร or a vowel after it is another word.
    'การประชุมผู้แทนประจำประเทศไทย',
    'ผู้แทนถาวรประจำประชาคมอาเซียน',
    'การประชุม ASEAN ๒๕๖๘',
    // Latin after a Thai letter is not where พ.ศ. stood.
    'รายงานผลการดำเนินงาน พ.A. ๒๕๖๘',
    'การแข่งขันกีฬา ปี 2025',
    'ผู้ป่วยสะสม ๑๕๖๘ ราย',
    'ปีละ ๑๒๐๐ บาท',
    // A year off from the letter's by more than one: not repaired.
    'แผนพัฒนา ปี ๕๕๗๕',
    // A Gregorian year after ปี is not a Buddhist-era one.
    'ครบรอบ ปี ๑๙๙๐',
    // ป before a number that is no Buddhist-era year, a grade with its dot, ป inside a word.
    'ค่าใช้จ่าย ป 1500 บาท',
    'นักเรียนชั้น ป.๖ ๒๕๖๘',
    'การพัฒนาชุมชนสป 2568',
    'ป ๒๕',
  ])('leaves %s alone', (text) => {
    expect(fieldYearsRepaired(text, 2568)).toEqual({ text, repaired: false });
  });

  it('does not repair a first digit without the letter date', () => {
    expect(fieldYearsRepaired('โครงการอบรม ปี ๙๕๖๘', null).text).toBe('โครงการอบรม ปี ๙๕๖๘');
  });
});
