/**
 * Text taken out of a PDF (its text layer or OCR) made into the Thai a person typed, and the
 * check that a text layer is Thai at all (see src/thai/README.md#extracted-text). Every
 * character carries a weight (the engine's confidence, 0–1) through the normalisation, so a
 * field parsed from the result can say how sure the reading was of the characters it came from.
 */

/** One character of extracted text with the confidence the reader had in it (0–1). */
export interface WeightedText {
  text: string;
  /** One weight per UTF-16 code unit of `text`. */
  weights: number[];
}

const ZERO_WIDTH = new Set(['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u00AD']);
const SARA_AM = '\u0E33';
const SARA_AA = '\u0E32';
const NIKHAHIT = '\u0E4D';
const SARA_E = '\u0E40';
/** Vowels written above or below, and phinthu: they come first after the consonant. */
const VOWEL_MARKS = new Set([
  '\u0E31',
  '\u0E34',
  '\u0E35',
  '\u0E36',
  '\u0E37',
  '\u0E38',
  '\u0E39',
  '\u0E3A',
  '\u0E47',
]);
/** Tone marks: after a vowel mark. */
const TONE_MARKS = new Set(['\u0E48', '\u0E49', '\u0E4A', '\u0E4B']);
/** Thanthakhat, nikhahit, yamakkan: last. */
const LAST_MARKS = new Set(['\u0E4C', NIKHAHIT, '\u0E4E']);

function markRank(ch: string): number {
  if (VOWEL_MARKS.has(ch)) return 0;
  if (TONE_MARKS.has(ch)) return 1;
  if (LAST_MARKS.has(ch)) return 2;
  return -1;
}

export function weighted(text: string, weight = 1): WeightedText {
  return { text, weights: Array.from({ length: text.length }, () => weight) };
}

/** Concatenation of weighted pieces. */
export function joinWeighted(pieces: readonly WeightedText[], separator = ''): WeightedText {
  const text: string[] = [];
  const weights: number[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0 && separator !== '') {
      text.push(separator);
      weights.push(...Array.from({ length: separator.length }, () => 1));
    }
    text.push(piece.text);
    weights.push(...piece.weights);
  });
  return { text: text.join(''), weights };
}

/**
 * Normalise one line of extracted text, keeping each character's weight:
 * - NFKC per character (full-width Latin and digits, ligatures such as ﬁ, compatibility
 *   spaces), which also splits ำ into ํ + า; it is composed back below;
 * - zero-width characters and soft hyphens removed; odd spaces and tabs become a space;
 * - the marks above and below one consonant put in the order Thai is typed in (vowel, then
 *   tone mark, then ์/ํ), and a mark repeated on the same consonant kept once;
 * - ํ + า (a tone mark may sit between) → ำ, and ำ + า (a ToUnicode map that gives the
 *   nikhahit glyph the code point of ำ) → ำ;
 * - เ + เ → แ (fonts and OCR often draw sara ae as two sara e).
 * A combined character takes the lowest weight of the characters it came from.
 */
export function normalizeExtractedText(input: WeightedText): WeightedText {
  let chars: string[] = [];
  let weights: number[] = [];
  // Per code point: NFKC of a Thai character never crosses into its neighbour.
  let offset = 0;
  for (const cp of input.text) {
    const weight = Math.min(...input.weights.slice(offset, offset + cp.length), 1);
    offset += cp.length;
    if (ZERO_WIDTH.has(cp)) continue;
    let folded = cp === SARA_AM ? cp : cp.normalize('NFKC');
    if (/^[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]$/.test(folded)) folded = ' ';
    for (const unit of folded === SARA_AM ? [NIKHAHIT, SARA_AA] : Array.from(folded)) {
      chars.push(unit);
      weights.push(Number.isFinite(weight) ? weight : 1);
    }
  }
  ({ chars, weights } = orderMarks(chars, weights));
  const outChars: string[] = [];
  const outWeights: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const last = outChars.length - 1;
    if (ch === SARA_AA && outChars[last] === NIKHAHIT) {
      // ํ + า: a tone mark between them was already moved before the nikhahit.
      outChars[last] = SARA_AM;
      outWeights[last] = Math.min(outWeights[last], weights[i]);
      continue;
    }
    if (ch === SARA_AA && outChars[last] === SARA_AM) {
      outWeights[last] = Math.min(outWeights[last], weights[i]);
      continue;
    }
    if (ch === SARA_E && outChars[last] === SARA_E) {
      outChars[last] = '\u0E41';
      outWeights[last] = Math.min(outWeights[last], weights[i]);
      continue;
    }
    outChars.push(ch);
    outWeights.push(weights[i]);
  }
  // Every output character is one UTF-16 code unit apart from astral NFKC results.
  const text: string[] = [];
  const finalWeights: number[] = [];
  outChars.forEach((ch, i) => {
    text.push(ch);
    for (let k = 0; k < ch.length; k++) finalWeights.push(outWeights[i]);
  });
  return { text: text.join(''), weights: finalWeights };
}

/** Stable sort of each run of combining marks by rank; duplicates in a run dropped. */
function orderMarks(chars: string[], weights: number[]): { chars: string[]; weights: number[] } {
  const outChars: string[] = [];
  const outWeights: number[] = [];
  let i = 0;
  while (i < chars.length) {
    if (markRank(chars[i]) < 0) {
      outChars.push(chars[i]);
      outWeights.push(weights[i]);
      i++;
      continue;
    }
    const run: { ch: string; weight: number; at: number }[] = [];
    while (i < chars.length && markRank(chars[i]) >= 0) {
      const existing = run.find((m) => m.ch === chars[i]);
      if (existing) existing.weight = Math.min(existing.weight, weights[i]);
      else run.push({ ch: chars[i], weight: weights[i], at: run.length });
      i++;
    }
    run.sort((a, b) => markRank(a.ch) - markRank(b.ch) || a.at - b.at);
    for (const mark of run) {
      outChars.push(mark.ch);
      outWeights.push(mark.weight);
    }
  }
  return { chars: outChars, weights: outWeights };
}

/** Normalise extracted text where no weights matter (a text layer: every weight is 1). */
export function normalizeExtractedString(text: string): string {
  return normalizeExtractedText(weighted(text)).text;
}

export type TextLayerVerdict =
  | { usable: true }
  | { usable: false; reason: 'empty' | 'private-use' | 'legacy-encoding' | 'broken-thai' };

/** Fewer visible characters than this and a page is treated as having no text layer. */
export const MIN_TEXT_LAYER_CHARS = 8;

const THAI_CONSONANT = /[\u0E01-\u0E2E]/;
const THAI_MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/**
 * Whether a page's text layer can be trusted as its text. Old Thai fonts (PSL, DSE, the
 * Windows 3.1 UPC set without a ToUnicode map) give private-use code points, TIS-620 bytes
 * read as Latin-1 (`·Õè`), or Thai code points in an order no Thai word has (a mark with no
 * consonant under it): such a page must be read from its image instead.
 */
export function judgeTextLayer(text: string): TextLayerVerdict {
  const visible = Array.from(text).filter((ch) => !/\s/.test(ch));
  if (visible.length < MIN_TEXT_LAYER_CHARS) return { usable: false, reason: 'empty' };
  const share = (test: (ch: string) => boolean) =>
    visible.filter(test).length / Math.max(1, visible.length);
  const privateUse = share((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || cp >= 0xf0000 || cp < 0x20;
  });
  if (privateUse > 0.05) return { usable: false, reason: 'private-use' };
  // TIS-620 Thai read as Latin-1 lands in ¡–û; a Latin text has few of them.
  const latin1High = share((ch) => ch >= '\u00A1' && ch <= '\u00FB');
  if (latin1High > 0.2) return { usable: false, reason: 'legacy-encoding' };
  // A mark must sit on a consonant (or on another mark of the same consonant).
  let thai = 0;
  let orphanMarks = 0;
  for (let i = 0; i < visible.length; i++) {
    const ch = visible[i];
    if (ch >= '\u0E00' && ch <= '\u0E7F') thai++;
    if (THAI_MARK.test(ch)) {
      let j = i - 1;
      while (j >= 0 && THAI_MARK.test(visible[j])) j--;
      if (j < 0 || !THAI_CONSONANT.test(visible[j])) orphanMarks++;
    }
  }
  if (thai >= MIN_TEXT_LAYER_CHARS && orphanMarks / thai > 0.05) {
    return { usable: false, reason: 'broken-thai' };
  }
  return { usable: true };
}
