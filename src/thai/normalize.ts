/**
 * Text normalisation for Thai input (see src/thai/README.md#normalisation): PDF text and NFKC split
 * ำ into ํ + า, scanners and word processors leave zero-width characters, and legacy TIS-620 text
 * decoded as Latin-1 turns into garbage that must be reported, never "fixed" silently.
 */
import { toArabicDigits } from 'src/thai/digits.js';

/** ZWSP, ZWNJ, ZWJ, BOM/ZWNBSP and WORD JOINER. */
// An alternation, not a class: a class holding ZWJ reads as a joined sequence to linters.
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\uFEFF|\u2060/g;
/** ํ + า → ำ, also when a tone mark was typed between them (นํ้า → น้ำ). */
const SPLIT_SARA_AM = /\u0E4D((?:\u0E48|\u0E49|\u0E4A|\u0E4B)?)\u0E32/g;
/** Every kind of horizontal space that is not a plain space. */
const ODD_SPACE = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const WHITESPACE_RUN = /\s+/g;

export function removeZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** Compose the split sara am (U+0E4D U+0E32) into ำ (U+0E33). */
export function composeSaraAm(text: string): string {
  return text.replace(SPLIT_SARA_AM, '$1\u0E33');
}

/** Collapse every whitespace run (line breaks included) to one space and trim. */
export function foldWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * Normalise a short text (a field, a form input): zero-width characters removed, ำ
 * composed, whitespace folded. NFC first so that precomposed Latin and decomposed input
 * compare equal; NFC leaves Thai alone apart from what composeSaraAm fixes.
 */
export function normalizeThaiText(text: string): string {
  return foldWhitespace(composeSaraAm(removeZeroWidth(text.normalize('NFC'))));
}

/**
 * Normalise a whole document but keep its lines: CRLF/CR → LF, odd spaces and tabs → a
 * space (tabs become two so a column gap stays visible), zero-width removed, ำ composed.
 * Runs of spaces are kept: two or more spaces mark a column gap in OCR output.
 */
export function normalizeDocumentText(text: string): string {
  return composeSaraAm(removeZeroWidth(text.normalize('NFC')))
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(ODD_SPACE, ' ');
}

/**
 * The Thai vowel and tone marks written above or below a consonant (Unicode category Mn):
 * ั ิ ี ึ ื ุ ู ฺ ็ ่ ้ ๊ ๋ ์ ํ ๎, and the letters that stand in for them in the search form:
 * sixteen lower-case IPA letters (U+0250–U+025F) that official letters do not use. The
 * database function `saraban_search_form` makes the same substitution.
 */
export const THAI_COMBINING_MARKS =
  '\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\u0E47\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E';
export const SEARCH_FORM_LETTERS =
  '\u0250\u0251\u0252\u0253\u0254\u0255\u0256\u0257\u0258\u0259\u025A\u025B\u025C\u025D\u025E\u025F';
const COMBINING_MARK = new RegExp(`[${THAI_COMBINING_MARKS}]`, 'g');

/**
 * The form search indexes hold: every Thai vowel or tone mark above or below replaced by
 * a stand-in letter. Trigram indexing cuts words at the marks (they are not letters to
 * it), so `ครั้งที่` would index as the fragments `คร`, `ง`, `ท` and a search with a mark
 * in it would match nearly every letter; in the search form it is one word again, and
 * the substitution is one to one, so a substring stays a substring and nothing else is.
 */
export function searchForm(text: string): string {
  return text.replace(COMBINING_MARK, (mark) =>
    SEARCH_FORM_LETTERS.charAt(THAI_COMBINING_MARKS.indexOf(mark)),
  );
}

const NUMERIC_RUN = /(?<![A-Za-z])[0-9\u0E50-\u0E59oO][0-9\u0E50-\u0E59oO.]*(?![A-Za-z])/g;

/**
 * The form text is matched in: Thai digits as Arabic, and a Latin o/O typed for ๐ inside a
 * number read as 0 (only in runs that also hold a real digit, never in Latin words).
 * Keeps the length, so an index into the result is an index into the input.
 */
export function toMatchForm(text: string): string {
  const ascii = toArabicDigits(text);
  if (!/[oO]/.test(ascii)) return ascii;
  return ascii.replace(NUMERIC_RUN, (run) => (/[0-9]/.test(run) ? run.replace(/[oO]/g, '0') : run));
}

export type LegacyEncoding = 'tis620-as-latin1' | 'utf8-as-latin1';

export interface LegacyEncodingFinding {
  encoding: LegacyEncoding;
  /** The garbage as it appears in the text. */
  sample: string;
  /** Offset of the sample in the text. */
  index: number;
  /** What the sample reads as when decoded correctly; for the warning, never applied. */
  decoded: string;
}

// TIS-620 puts Thai at 0xA1–0xFB; read as Latin-1 or Windows-1252 it becomes ¡–û runs
// such as Ë¹Ñ§Ê×Í (หนังสือ).
const TIS620_GARBAGE = /[\u00A1-\u00FB]{3,}/g;
// UTF-8 Thai is E0 B8 xx / E0 B9 xx; read as Latin-1/1252 every letter starts with à¸ or à¹.
const UTF8_GARBAGE =
  /(?:\u00E0[\u00B8\u00B9][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]?){2,}/g;

const CP1252_HIGH: Readonly<Record<string, number>> = {
  '\u20AC': 0x80,
  '\u201A': 0x82,
  '\u0192': 0x83,
  '\u201E': 0x84,
  '\u2026': 0x85,
  '\u2020': 0x86,
  '\u2021': 0x87,
  '\u02C6': 0x88,
  '\u2030': 0x89,
  '\u0160': 0x8a,
  '\u2039': 0x8b,
  '\u0152': 0x8c,
  '\u017D': 0x8e,
  '\u2018': 0x91,
  '\u2019': 0x92,
  '\u201C': 0x93,
  '\u201D': 0x94,
  '\u2022': 0x95,
  '\u2013': 0x96,
  '\u2014': 0x97,
  '\u02DC': 0x98,
  '\u2122': 0x99,
  '\u0161': 0x9a,
  '\u203A': 0x9b,
  '\u0153': 0x9c,
  '\u017E': 0x9e,
  '\u0178': 0x9f,
};

/** Read a TIS-620-as-Latin-1 sample as Thai (0xA1 → U+0E01). For showing, never applied. */
export function decodeTis620Garbage(sample: string): string {
  return sample.replace(/[\u00A1-\u00FB]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x0d60));
}

/** Read a UTF-8-as-Latin-1/1252 sample back as UTF-8. For showing, never applied. */
export function decodeUtf8Garbage(sample: string): string {
  const bytes: number[] = [];
  for (const ch of sample) {
    const code = ch.charCodeAt(0);
    bytes.push(code <= 0xff ? code : (CP1252_HIGH[ch] ?? 0x3f));
  }
  return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
}

/**
 * Find text that looks like Thai read in the wrong encoding. Returns findings to warn
 * about; the text itself is left exactly as it is (invariant 7).
 */
export function detectLegacyEncoding(text: string): LegacyEncodingFinding[] {
  const findings: LegacyEncodingFinding[] = [];
  for (const m of text.matchAll(UTF8_GARBAGE)) {
    findings.push({
      encoding: 'utf8-as-latin1',
      sample: m[0],
      index: m.index,
      decoded: decodeUtf8Garbage(m[0]),
    });
  }
  for (const m of text.matchAll(TIS620_GARBAGE)) {
    const inside = findings.some((f) => m.index >= f.index && m.index < f.index + f.sample.length);
    if (inside) continue;
    findings.push({
      encoding: 'tis620-as-latin1',
      sample: m[0],
      index: m.index,
      decoded: decodeTis620Garbage(m[0]),
    });
  }
  return findings.sort((a, b) => a.index - b.index);
}
