/**
 * The one table of Thai labels and codes used by the Thai core (see src/thai/README.md#labels).
 *
 * Every list that is matched against text is ordered longest label first, because the
 * short labels are prefixes of the long ones (ด่วน ⊂ ด่วนมาก ⊂ ด่วนที่สุด; ลับ ⊂ ลับมาก).
 * Mixing up ด่วนมาก and ด่วนที่สุด is a known bug in other systems; keep every lookup
 * going through this table.
 */

/** ชั้นความเร็ว (ระเบียบงานสารบรรณ ข้อ ๑๖). e-CMS codes: ปกติ 001, then 002–004 rising. */
export const SPEED_CLASSES = [
  { code: 'most_urgent', label: 'ด่วนที่สุด', level: 3, ecmsCode: '004' },
  { code: 'very_urgent', label: 'ด่วนมาก', level: 2, ecmsCode: '003' },
  { code: 'urgent', label: 'ด่วน', level: 1, ecmsCode: '002' },
] as const;

/** ชั้นความลับ (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. ๒๕๔๔ ข้อ ๑๑). */
export const SECRECY_CLASSES = [
  { code: 'top_secret', label: 'ลับที่สุด', level: 3, ecmsCode: '004' },
  { code: 'secret', label: 'ลับมาก', level: 2, ecmsCode: '003' },
  { code: 'confidential', label: 'ลับ', level: 1, ecmsCode: '002' },
] as const;

export type SpeedClass = (typeof SPEED_CLASSES)[number];
export type SpeedLabel = SpeedClass['label'];
export type SpeedCode = SpeedClass['code'];
export type SecrecyClass = (typeof SECRECY_CLASSES)[number];
export type SecrecyLabel = SecrecyClass['label'];
export type SecrecyCode = SecrecyClass['code'];

/** "ด่วนภายใน <date time>": must reach the addressee by then. */
export const SPEED_WITHIN_LABEL = 'ด่วนภายใน';

export interface MonthLabel {
  number: number;
  name: string;
  abbreviation: string;
  /** Spellings met in real letters and OCR output that still mean this month. */
  variants: readonly string[];
}

/** Month names and the register abbreviations (see src/thai/README.md#dates). */
export const MONTHS: readonly MonthLabel[] = [
  // Variants: the spoken short forms clerks type (มกรา, กุมภา …) and common misspellings.
  { number: 1, name: 'มกราคม', abbreviation: 'ม.ค.', variants: ['มกรา'] },
  { number: 2, name: 'กุมภาพันธ์', abbreviation: 'ก.พ.', variants: ['กุมภาพันธ', 'กุมภา'] },
  { number: 3, name: 'มีนาคม', abbreviation: 'มี.ค.', variants: ['มีนา'] },
  { number: 4, name: 'เมษายน', abbreviation: 'เม.ย.', variants: ['เมษา'] },
  { number: 5, name: 'พฤษภาคม', abbreviation: 'พ.ค.', variants: ['พฤษภา'] },
  { number: 6, name: 'มิถุนายน', abbreviation: 'มิ.ย.', variants: ['มิถุนา'] },
  // กรกฏาคม (with ฏ) is the most common misspelling of กรกฎาคม.
  { number: 7, name: 'กรกฎาคม', abbreviation: 'ก.ค.', variants: ['กรกฏาคม', 'กรกฎา', 'กรกฏา'] },
  { number: 8, name: 'สิงหาคม', abbreviation: 'ส.ค.', variants: ['สิงหา'] },
  { number: 9, name: 'กันยายน', abbreviation: 'ก.ย.', variants: ['กันยา'] },
  { number: 10, name: 'ตุลาคม', abbreviation: 'ต.ค.', variants: ['ตุลา'] },
  { number: 11, name: 'พฤศจิกายน', abbreviation: 'พ.ย.', variants: ['พฤศจิกา'] },
  { number: 12, name: 'ธันวาคม', abbreviation: 'ธ.ค.', variants: ['ธันวา'] },
];

export interface WeekdayLabel {
  /** 0 = Sunday, as Date.prototype.getUTCDay. */
  index: number;
  name: string;
  variants: readonly string[];
}

export const WEEKDAYS: readonly WeekdayLabel[] = [
  { index: 0, name: 'อาทิตย์', variants: [] },
  { index: 1, name: 'จันทร์', variants: [] },
  { index: 2, name: 'อังคาร', variants: [] },
  { index: 3, name: 'พุธ', variants: [] },
  { index: 4, name: 'พฤหัสบดี', variants: ['พฤหัส'] },
  { index: 5, name: 'ศุกร์', variants: [] },
  { index: 6, name: 'เสาร์', variants: [] },
];

/** Era markers: พ.ศ. (Buddhist era, the default) and ค.ศ. (Gregorian). */
export const ERA_BUDDHIST = 'พ.ศ.';
export const ERA_GREGORIAN = 'ค.ศ.';

/** Key used to look a month or weekday word up: dots (or colons read for them) and spaces removed. */
export function labelKey(word: string): string {
  return word.replace(/[\s.:]+/g, '');
}

/**
 * Marks written above or below a consonant (ั ิ ี ึ ื ุ ู ็ and the tone marks, ์ ํ): what
 * OCR of a scanned page loses most often. Vowels on the line (เ แ โ ใ ไ า ำ ะ) are kept.
 */
export const OCR_DROPPED_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;
const OCR_DROPPED_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** A word without the marks OCR drops: เรื่อง → เรอง, พฤศจิกายน → พฤศจกายน. */
export function ocrSkeleton(word: string): string {
  return word.replace(OCR_DROPPED_MARKS, '');
}

const MONTH_BY_KEY: ReadonlyMap<string, number> = new Map([
  // Skeletons first, so that an exact key wins where one is also another's skeleton.
  ...MONTHS.flatMap((m) =>
    [m.name, ...m.variants].map((w) => [labelKey(ocrSkeleton(w)), m.number] as const),
  ),
  ...MONTHS.flatMap((m) =>
    [m.name, m.abbreviation, ...m.variants].map((w) => [labelKey(w), m.number] as const),
  ),
]);

/** Whether a month word is printed in full, as in the table (not read without its marks). */
export function isExactMonthWord(word: string): boolean {
  const key = labelKey(word);
  return MONTHS.some((m) =>
    [m.name, m.abbreviation, ...m.variants].some((w) => labelKey(w) === key),
  );
}

const WEEKDAY_BY_KEY: ReadonlyMap<string, number> = new Map(
  WEEKDAYS.flatMap((d) => [d.name, ...d.variants].map((w) => [labelKey(w), d.index] as const)),
);

/** Month number (1–12) of a full name, a variant or an abbreviation with or without dots. */
export function monthNumberOf(word: string): number | null {
  return MONTH_BY_KEY.get(labelKey(word)) ?? monthMisreadIn(word);
}

const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
/** A full month name this long (without marks) or longer is read through one misread consonant. */
const MISREAD_NAME_LENGTH = 6;

/**
 * The month whose full name, marks aside, differs from the word in one consonant at most
 * (ลันวาคม, ธั้นวาคม for ธันวาคม), when one month's does; null otherwise. Such a word is never a
 * month printed in full (isExactMonthWord), so a date read with it is unsure.
 */
function monthMisreadIn(word: string): number | null {
  const months = new Set(misreadSpellingsOf(word).map((s) => s.month));
  const [only] = months;
  return months.size === 1 && only !== undefined ? only : null;
}

/** The table's full names and variants whose skeleton the word's is, one consonant aside. */
function misreadSpellingsOf(word: string): { month: number; spelling: string }[] {
  const key = labelKey(ocrSkeleton(word));
  if (key.length < MISREAD_NAME_LENGTH) return [];
  const found: { month: number; spelling: string }[] = [];
  for (const m of MONTHS) {
    for (const name of [m.name, ...m.variants]) {
      const target = ocrSkeleton(name);
      if (target.length !== key.length || target.length < MISREAD_NAME_LENGTH) continue;
      let differ = 0;
      let consonants = true;
      for (let i = 0; i < key.length; i++) {
        if (key[i] === target[i]) continue;
        differ++;
        consonants &&= THAI_CONSONANT.test(key[i] ?? '') && THAI_CONSONANT.test(target[i] ?? '');
      }
      // No consonant off: the word has its month's letters with other marks (ธั้นวาคม).
      if (differ <= 1 && consonants) found.push({ month: m.number, spelling: name });
    }
  }
  return found;
}

/**
 * A month's full name OCR read with marks lost, wrong or added, or one consonant off
 * (ก้นยายน, มก์ราคม, ลันวาคม): the table's spelling it was printed in, when one spelling
 * fits; null for a word printed as the table has it, an abbreviation, or a word no single
 * spelling fits. A date read with it stays unsure (isExactMonthWord of the word read).
 */
export function monthNameAsPrinted(word: string): string | null {
  if (isExactMonthWord(word) || word.includes('.')) return null;
  const spellings = new Set(
    (MONTH_BY_KEY.has(labelKey(word)) ? skeletonSpellingsOf(word) : misreadSpellingsOf(word)).map(
      (s) => s.spelling,
    ),
  );
  const [only] = spellings;
  return spellings.size === 1 && only !== undefined ? only : null;
}

/** The table's full names and variants whose skeleton is the word's. */
function skeletonSpellingsOf(word: string): { month: number; spelling: string }[] {
  const key = labelKey(ocrSkeleton(word));
  return MONTHS.flatMap((m) =>
    [m.name, ...m.variants]
      .filter((name) => labelKey(ocrSkeleton(name)) === key)
      .map((spelling) => ({ month: m.number, spelling })),
  );
}

/** Weekday index (0 = Sunday) of a Thai weekday name. */
export function weekdayIndexOf(word: string): number | null {
  return WEEKDAY_BY_KEY.get(labelKey(word)) ?? null;
}

export function monthLabel(month: number): MonthLabel {
  const label = MONTHS[month - 1];
  if (label === undefined) throw new RangeError(`month out of range: ${month}`);
  return label;
}

export function weekdayLabel(index: number): WeekdayLabel {
  const label = WEEKDAYS[index];
  if (label === undefined) throw new RangeError(`weekday out of range: ${index}`);
  return label;
}

/** The speed class whose label is exactly `label` (after removing spaces). */
export function speedClassOf(label: string): SpeedClass | null {
  const key = withMaiEk(label.replace(/\s+/g, ''));
  return SPEED_CLASSES.find((c) => c.label === key) ?? null;
}

/** The secrecy class whose label is exactly `label` (after removing spaces). */
export function secrecyClassOf(label: string): SecrecyClass | null {
  const key = withMaiEk(label.replace(/\s+/g, ''));
  return SECRECY_CLASSES.find((c) => c.label === key) ?? null;
}

/** ที่สุด as OCR often reads it, without the tone mark over the upper vowel (ทีสุด). */
function withMaiEk(label: string): string {
  return label.replace(/ทีสุด$/, 'ที่สุด');
}

/** Escape a literal for use inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Sort longest first so that an alternation tries ด่วนที่สุด before ด่วน. */
export function longestFirst(words: readonly string[]): string[] {
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** A consonant's source followed by the marks OCR read over or under it, if any (two at most). */
function withReadMarks(source: string, char: string): string {
  return THAI_CONSONANT.test(char) ? `${source}${OCR_DROPPED_MARK.source}{0,2}` : source;
}

/**
 * RegExp source matching any month word: full names (OCR may drop a space inside),
 * variants, and abbreviations with or without dots and with inner spaces (ม.ค., ม.ค,
 * มค, ม. ค., ม:ค.). The caller maps the matched text back with `monthNumberOf`.
 */
export const MONTH_PATTERN: string = (() => {
  const full = longestFirst(MONTHS.flatMap((m) => [m.name, ...m.variants]));
  const abbreviations = longestFirst(MONTHS.map((m) => m.abbreviation));
  // OCR drops marks written above or below a consonant (พฤศจิกายน → พฤศจกายน), and reads a
  // speck over one as a mark or a vowel's as a tone mark (ธั้นวาคม): in a full name each
  // consonant carries whatever marks were read, up to two; monthNumberOf knows those words
  // by their skeletons too. Abbreviations keep theirs (มี.ค. without ี would be ม.ค.).
  const fullSources = full.map((name) =>
    [...name]
      .flatMap((c) => (OCR_DROPPED_MARK.test(c) ? [] : [withReadMarks(escapeRegExp(c), c)]))
      .join(' ?'),
  );
  const abbreviationSources = abbreviations.map((abbr) => {
    const parts = abbr.split('.').filter((p) => p.length > 0);
    // OCR reads an abbreviation's inner dot as a colon now and then (มี:ค.).
    return parts.map(escapeRegExp).join('\\s*[.:]?\\s*') + '\\.?';
  });
  // OCR of a scan misreads one consonant of a long word (ลันวาคม for ธันวาคม): a full name
  // of six letters or more with any one consonant in its place, tried after the real names;
  // monthNumberOf reads it only when one month has it.
  const misread = full
    .filter((name) => ocrSkeleton(name).length >= MISREAD_NAME_LENGTH)
    .flatMap((name) => {
      const chars = [...name];
      return chars.flatMap((c, at) =>
        THAI_CONSONANT.test(c)
          ? [
              chars
                .flatMap((d, i) =>
                  i === at
                    ? [withReadMarks(THAI_CONSONANT.source, d)]
                    : OCR_DROPPED_MARK.test(d)
                      ? []
                      : [withReadMarks(escapeRegExp(d), d)],
                )
                .join(' ?'),
            ]
          : [],
      );
    });
  return `(?:${[...fullSources, ...abbreviationSources, ...misread].join('|')})`;
})();

/** RegExp source matching any weekday name (longest first: พฤหัสบดี before พฤหัส). */
export const WEEKDAY_PATTERN: string = `(?:${longestFirst(
  WEEKDAYS.flatMap((d) => [d.name, ...d.variants]),
)
  .map(escapeRegExp)
  .join('|')})`;

/** RegExp source matching a speed label, tolerating a space OCR puts inside it. */
export const SPEED_PATTERN = '(?:ด่วน\\s?ที่?สุด|ด่วน\\s?มาก|ด่วน)';
/** RegExp source matching a secrecy label, tolerating a space OCR puts inside it. */
export const SECRECY_PATTERN = '(?:ลับ\\s?ที่?สุด|ลับ\\s?มาก|ลับ)';
