/**
 * Receipt stamps (ตรารับหนังสือ, ระเบียบงานสารบรรณ ข้อ ๓๘; domain.md §5) in OCR text.
 *
 * A stamp is a box at the top right of the first page with the receiving unit's name,
 * เลขรับ, วันที่ and เวลา. In OCR text its lines may stand alone, sit before the letter
 * head, or share a line with letter text (the OCR reads across both columns). Stamps are
 * found first and their text is blanked out, so that the letter parser never mistakes a
 * stamp's date for the letter's date.
 *
 * Two shapes are recognised:
 * - anchored: a receipt-number keyword (เลขรับ, เลขที่รับ, รับที่, ทะเบียนรับ …) with a
 *   number, anywhere in the text; the unit is the text before it (same cell) or the line
 *   above; the date and time follow within the next lines;
 * - unanchored, only above the letter head: a date line with optionally a
 *   "<word> <number>" line and a time (the seed's `๑๕ ม.ค. ๒๕๖๘ / กรม ๒๖`). The word is a
 *   register label, not a unit.
 */
import { findTimesInText, type DateInText } from 'src/thai/be-date.js';
import {
  cellsOf,
  clean,
  contactStart,
  datesOf,
  isBlank,
  isMarkOnly,
  labelOf,
  leadingMarks,
  maskLine,
  refLabelEnd,
  startsCell,
  startsWithUnitWord,
  type Line,
} from 'src/thai/letter-text.js';

export interface ReceiptStamp {
  /** The receiving unit as printed, location words dropped; null when the stamp names none. */
  unit: string | null;
  /** เลขรับ: the receiving unit's register number. */
  receiptNumber: number | null;
  /** ISO date as printed (a slipped year is kept). */
  date: string | null;
  /** `HH:MM`, null when the stamp shows no time (never midnight by default). */
  time: string | null;
}

interface Located {
  stamp: ReceiptStamp;
  line: number;
  column: number;
}

// Ordered by preference: where a stamp shows several numbers, the เลขรับ one wins (fixtures
// README: "where a stamp shows both เลขที่รับ and เลขรับที่, the เลขรับ one").
const KEYWORDS = [
  'เลขทะเบียนรับที่',
  'เลขทะเบียนรับ',
  'ทะเบียนรับที่',
  'ทะเบียนรับ',
  'เลขรับที่',
  'เลขรับ',
  'เลขที่รับ',
  'รับที่',
] as const;

function keywordRank(keyword: string): number {
  if (keyword.startsWith('เลขรับ')) return 0;
  if (keyword.includes('ทะเบียนรับ')) return 1;
  if (keyword === 'รับที่') return 2;
  return 3;
}

// Printed stamp forms have dotted lines to write on: เลขรับ.......๑๒๓.......
const LEADER = '[\\s.:_…]*';

const RECEIPT_ANCHOR = new RegExp(
  `(?<=^|[\\s.:(|])(?<kw>${KEYWORDS.join('|')})(?:หนังสือ)?${LEADER}(?:ที่${LEADER})?(?<num>\\d{1,3}(?:,\\d{3})+|\\d{1,7})(?![\\d,])`,
  'g',
);

interface Anchor {
  line: number;
  index: number;
  end: number;
  rank: number;
  number: number;
}

/** Location words that follow a unit's name on a stamp (ศาลากลางจังหวัด…, ถนน…). */
const LOCATION_TOKEN =
  /^(?:ศาลากลาง|ศูนย์ราชการ|ถนน|ถ\.|อาคาร|ตึก|ชั้น|เลขที่|หมู่ที่|หมู่|ม\.\d|ตำบล|ต\.|อ\.|จ\.|ซอย|ซ\.|แขวง|กทม|กรุงเทพ)/;

/** A unit's name as the output wants it: the first word kept, trailing location words dropped. */
function unitName(text: string): string | null {
  const tokens = clean(text).split(' ');
  const kept: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && LOCATION_TOKEN.test(token)) break;
    kept.push(token);
  }
  const name = kept
    .join(' ')
    .replace(/[:：]+$/, '')
    .trim();
  return /[\u0E01-\u0E2E]/.test(name) ? name : null;
}

/** Could this cell be a stamp's unit line? Letter structure (fields, marks, dates) is not. */
function unitCandidate(line: Line, cellStart: number, firstOfBlock: boolean): string | null {
  const cellText = line.text.slice(cellStart).trim();
  const cellMatch = line.match.slice(cellStart).trim();
  if (cellText === '' || cellText.length > 120) return null;
  const probe: Line = { text: cellText, match: cellMatch };
  if (labelOf(probe) !== null || refLabelEnd(cellMatch) !== null) return null;
  if (isMarkOnly(probe) !== null || contactStart(cellText) !== null) return null;
  if (datesOf(probe).length > 0 || /^\(/.test(cellText)) return null;
  if (startsWithUnitWord(cellText)) return unitName(cellText);
  // A stamp box's first line without a unit word (สารบรรณกลาง): accept short Thai text only.
  if (firstOfBlock && !/\d/.test(cellMatch) && cellText.length <= 60) return unitName(cellText);
  return null;
}

function lastCellStart(text: string, before: number = text.length): number | null {
  const cells = cellsOf(text.slice(0, before));
  const last = cells[cells.length - 1];
  return last === undefined ? null : last.start;
}

/** Prefer a date written after วันที่ (the stamp's), then one not after ลงวันที่ (the letter's). */
function pickStampDate(dates: DateInText[]): DateInText | null {
  const stampOwn = dates.filter((d) => !/^(?:ลง|ลว)/.test(d.prefix ?? ''));
  return (
    stampOwn.find((d) => d.prefix !== null) ?? stampOwn[stampOwn.length - 1] ?? dates[0] ?? null
  );
}

function findAnchors(lines: Line[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const [no, line] of lines.entries()) {
    if (!/\d/.test(line.match) || !/รับ/.test(line.match)) continue;
    for (const m of line.match.matchAll(RECEIPT_ANCHOR)) {
      const g = m.groups ?? {};
      anchors.push({
        line: no,
        index: m.index,
        end: m.index + m[0].length,
        rank: keywordRank(g.kw ?? ''),
        number: Number((g.num ?? '').replace(/,/g, '')),
      });
    }
  }
  return anchors;
}

/** Group anchors of one stamp: same line, or the next line while the stamp has no date yet. */
function groupAnchors(lines: Line[], anchors: Anchor[]): Anchor[][] {
  const groups: Anchor[][] = [];
  for (const a of anchors) {
    const current = groups[groups.length - 1];
    const last = current?.[current.length - 1];
    if (current !== undefined && last !== undefined) {
      const sameLine = last.line === a.line;
      const nextLine =
        a.line === last.line + 1 &&
        datesOf({ text: '', match: lines[last.line]?.match.slice(last.end) ?? '' }).length === 0;
      if (sameLine || nextLine) {
        current.push(a);
        continue;
      }
    }
    groups.push([a]);
  }
  return groups;
}

/**
 * The date of a stamp written as its own cell: the last cell of the line is a date
 * (after วันที่ / รับ / รับวันที่ at most) and at most a time after it.
 */
function dateCell(line: Line): DateInText | null {
  const cells = cellsOf(line.text);
  const cell = cells[cells.length - 1];
  if (cell === undefined) return null;
  const match = line.match.slice(cell.start, cell.end);
  const dates = datesOf({ text: cell.text, match });
  const d = dates[0];
  if (dates.length !== 1 || d === undefined) return null;
  const before = match.slice(0, d.index).trim();
  const after = match.slice(d.end);
  const times = findTimesInText(after);
  const onlyTime = times.length === 1 && after.slice(times[0]?.end ?? 0).trim() === '';
  const afterEmpty = /^[\s._…]*$/.test(after);
  if ((before !== '' && !/^รับ(?:วันที่)?$/.test(before)) || (!afterEmpty && !onlyTime)) {
    return null;
  }
  const shift = (n: number): number => n + cell.start;
  return { ...d, index: shift(d.index), end: shift(d.end), dateIndex: shift(d.dateIndex) };
}

function anchoredStamp(lines: Line[], group: Anchor[]): Located | null {
  const first = group[0];
  const lastAnchor = group[group.length - 1];
  if (first === undefined || lastAnchor === undefined) return null;
  const best = group.reduce((a, b) => (b.rank < a.rank ? b : a));
  const anchorLine = lines[first.line];
  if (anchorLine === undefined) return null;
  const pre = anchorLine.text.slice(0, first.index);

  // The date: after the last keyword on its line, else at the start of a cell below; a
  // stamp may also carry its date above the number (๑๖ ม.ค. ๖๙ / รับที่ ๒๑๔).
  let date: DateInText | null = pickStampDate(
    datesOf(anchorLine).filter((d) => d.index >= lastAnchor.end),
  );
  let dateLine = date === null ? -1 : first.line;
  for (let no = lastAnchor.line + 1; date === null && no <= lastAnchor.line + 3; no++) {
    const line = lines[no];
    if (line === undefined || isBlank(line)) break;
    date = pickStampDate(datesOf(line).filter((d) => startsCell(line.text, d.index)));
    if (date !== null) dateLine = no;
  }
  let dateAbove = false;
  for (let no = first.line - 1; date === null && no >= first.line - 2 && no >= 0; no--) {
    const line = lines[no];
    if (line === undefined || isBlank(line)) break;
    date = dateCell(line);
    if (date !== null) {
      dateLine = no;
      dateAbove = true;
    }
  }

  // The unit: text before the keyword in the same cell, else the line above (above the
  // date when the date is on top).
  let unit: string | null = null;
  let unitLine = first.line;
  let unitStart = first.index;
  if (pre.trim() !== '') {
    let start = lastCellStart(anchorLine.text, first.index) ?? 0;
    // Letter text sharing the cell (ที่ มท …/๒๖๓ เลขรับ ๑๒; ด่วนที่สุด กองคลัง เลขรับ ๑๒).
    const ref = refLabelEnd(anchorLine.match.slice(start));
    if (ref !== null) {
      const serialEnd = /^[^/]*\/\s*(?:ว\s*\.?\s*)?\d+/.exec(anchorLine.match.slice(start));
      start = serialEnd === null ? first.index : start + serialEnd[0].length;
    } else {
      const marks = leadingMarks({
        text: anchorLine.text.slice(start),
        match: anchorLine.match.slice(start),
      });
      start += marks.end;
    }
    const candidate = anchorLine.text.slice(start, first.index);
    if (candidate.trim() !== '' && startsWithUnitWord(candidate)) {
      const probe: Line = { text: candidate, match: anchorLine.match.slice(start, first.index) };
      unit = unitCandidate(probe, 0, false);
      if (unit !== null) unitStart = start + (candidate.length - candidate.trimStart().length);
    }
  }
  const aboveNo = dateAbove ? dateLine - 1 : first.line - 1;
  const above = lines[aboveNo];
  if (unit === null && above !== undefined && !isBlank(above)) {
    const start = cellsOf(above.text).length > 1 ? (lastCellStart(above.text) ?? 0) : 0;
    const firstOfBlock = aboveNo === 0 || isBlank(lines[aboveNo - 1]);
    unit = unitCandidate(above, start, firstOfBlock && pre.trim() === '');
    if (unit !== null) {
      unitLine = aboveNo;
      unitStart =
        start + (above.text.slice(start).length - above.text.slice(start).trimStart().length);
    }
  }

  // The time: on the anchor line after the keyword, or at the start of a cell near it.
  let time: string | null = null;
  let timeLine = -1;
  let timeIndex = -1;
  const fromLine = Math.min(lastAnchor.line, dateLine < 0 ? lastAnchor.line : dateLine);
  const toLine = Math.max(dateLine, lastAnchor.line) + 1;
  for (let no = fromLine; no <= toLine && time === null; no++) {
    const line = lines[no];
    if (line === undefined || (no > lastAnchor.line && isBlank(line))) break;
    const from = no === lastAnchor.line ? lastAnchor.end : 0;
    const found = findTimesInText(line.match).find(
      (t) =>
        t.index >= from &&
        t.time !== null &&
        (no === lastAnchor.line || no === dateLine || startsCell(line.text, t.index)),
    );
    if (found !== undefined) {
      time = found.time;
      timeLine = no;
      timeIndex = found.index;
    }
  }

  // Blank out what the stamp owns, from where it starts on each line to the line's end.
  const owned = new Map<number, number>();
  const own = (no: number, start: number): void => {
    owned.set(no, Math.min(owned.get(no) ?? start, start));
  };
  if (unit !== null) own(unitLine, unitStart);
  for (const a of group) own(a.line, a.index);
  if (date !== null) own(dateLine, date.index);
  if (time !== null) own(timeLine, timeIndex);
  for (const [no, start] of owned) {
    const line = lines[no];
    if (line !== undefined) maskLine(line, start);
  }

  const top = [...owned.entries()].sort((a, b) => a[0] - b[0])[0] ?? [first.line, first.index];
  return {
    stamp: { unit, receiptNumber: best.number, date: date?.date ?? null, time },
    line: top[0],
    column: top[1],
  };
}

/** Line index where the letter head starts: its ที่ line, บันทึกข้อความ or ส่วนราชการ. */
export function letterHeadLine(lines: Line[]): number {
  for (const [no, line] of lines.entries()) {
    if (isBlank(line)) continue;
    for (const cell of cellsOf(line.text)) {
      const probe: Line = {
        text: line.text.slice(cell.start),
        match: line.match.slice(cell.start),
      };
      const marks = leadingMarks(probe);
      const rest: Line = { text: probe.text.slice(marks.end), match: probe.match.slice(marks.end) };
      if (refLabelEnd(rest.match) !== null) return no;
      const label = labelOf(rest)?.label;
      if (
        label === 'memoHead' ||
        label === 'unit' ||
        label === 'subject' ||
        label === 'salutation' ||
        label === 'to'
      ) {
        return no;
      }
      break;
    }
  }
  return lines.length;
}

const NUMBER_ONLY = /^(?:[\u0E01-\u0E4E.]{1,15}\s*)?(\d{1,7})$/;

/** Stamps without a receipt keyword, above the letter head (see the module comment). */
function unanchoredStamps(lines: Line[], headLine: number): Located[] {
  const found: Located[] = [];
  let no = 0;
  while (no < headLine) {
    if (isBlank(lines[no])) {
      no++;
      continue;
    }
    const blockStart = no;
    while (no < headLine && !isBlank(lines[no])) no++;
    const block = lines.slice(blockStart, no);
    // The date: a cell that is only a date (a line of letter marks may share the line).
    let date: { cellLine: number; d: DateInText } | null = null;
    for (const [k, line] of block.entries()) {
      const d = dateCell(line);
      if (d !== null) {
        date = { cellLine: k, d };
        break;
      }
    }
    if (date === null) continue;
    const dateLine = block[date.cellLine];
    if (dateLine === undefined) continue;
    let receiptNumber: number | null = null;
    let time: string | null = null;
    let unit: string | null = null;
    let unitAt: { line: number; column: number } | null = null;
    const owned: { line: Line; start: number }[] = [{ line: dateLine, start: date.d.index }];
    const dateTimes = findTimesInText(dateLine.match.slice(date.d.end));
    if (dateTimes[0] !== undefined) time = dateTimes[0].time;
    for (const [k, line] of block.entries()) {
      if (k === date.cellLine || isMarkOnly(line) !== null) continue;
      const cells = cellsOf(line.text);
      const cell = cells[cells.length - 1];
      if (cell === undefined) continue;
      const cellMatch = line.match.slice(cell.start, cell.end);
      const number = NUMBER_ONLY.exec(cellMatch);
      const times = findTimesInText(cellMatch);
      if (number?.[1] !== undefined && receiptNumber === null) {
        receiptNumber = Number(number[1]);
        owned.push({ line, start: cell.start });
      } else if (times[0] !== undefined && time === null && times[0].index === 0) {
        time = times[0].time;
        owned.push({ line, start: cell.start });
      } else if (unit === null && k < date.cellLine) {
        const name = unitCandidate(line, cell.start, k === 0);
        if (name !== null) {
          unit = name;
          unitAt = { line: blockStart + k, column: cell.start };
          owned.push({ line, start: cell.start });
        }
      }
    }
    // A lone date line needs the register style to count as a stamp: a full month name
    // above the head is more likely part of the letter than a clerk's stamp.
    const lone = receiptNumber === null && time === null && unit === null;
    if (
      lone &&
      /[\u0E01-\u0E4E]{5,}/.test(
        dateLine.match.slice(date.d.index, date.d.end).replace(/วันที่|รับ/g, ''),
      )
    ) {
      continue;
    }
    for (const o of owned) maskLine(o.line, o.start);
    found.push({
      stamp: { unit, receiptNumber, date: date.d.date, time },
      line: unitAt?.line ?? blockStart + date.cellLine,
      column: unitAt?.column ?? date.d.index,
    });
  }
  return found;
}

/**
 * Find every receipt stamp, in order of appearance, and blank its text out of `lines`
 * (mutated) so the letter parser reads the letter alone.
 */
export function extractReceiptStamps(lines: Line[]): ReceiptStamp[] {
  const located: Located[] = [];
  for (const group of groupAnchors(lines, findAnchors(lines))) {
    const stamp = anchoredStamp(lines, group);
    if (stamp !== null) located.push(stamp);
  }
  located.push(...unanchoredStamps(lines, letterHeadLine(lines)));
  located.sort((a, b) => a.line - b.line || a.column - b.column);
  return located.map((l) => l.stamp);
}
