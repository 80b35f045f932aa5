/**
 * Specks at a scanned line's ends. On a scan, dust, the emblem's outline and the edge of a
 * stamp come out of the engine as words of their own: a lone `-`, `:`, `'`, `|` or `.`, or a
 * lone Thai vowel or tone mark with no consonant to sit on (`า`, `๊`). Left at the start of
 * a line they hide its label (`-  เรียน …` is no salutation); at its end they become part
 * of the field (`… ทุกจังหวัด ' :`). No Thai word is made of them alone, so a run of them
 * separated from the text by a space is dropped from the line's two ends, never inside it.
 */

/** Punctuation that, standing alone, is a speck (a list's `-` or `(` is kept: see below). */
const PUNCTUATION = String.raw`.,:;'"‘’“”\`|_=+~^*<>«»©®°!?\\/`;
/** Thai vowels and marks that are written above, below or after a consonant, never alone. */
const DEPENDENT = '\u0E30-\u0E3A\u0E47-\u0E4E';

/**
 * At the start, a dash is a speck only when a column gap (two spaces or more) parts it from
 * the text: `- ผู้ว่าราชการจังหวัด` is a list's item, `-       เรียน …` a speck and a label.
 */
const LEADING = new RegExp(`^(?:[${escape(PUNCTUATION)}${DEPENDENT}]+\\s+|[-–—]+\\s{2,})+`, 'u');
/** At the end a lone dash is a speck too: no line of a letter ends in one. */
const TRAILING = new RegExp(`(?:\\s+[-–—${escape(PUNCTUATION)}${DEPENDENT}]+)+$`, 'u');
/** A line of nothing else. */
const ONLY_SPECKS = new RegExp(`^[-–—${escape(PUNCTUATION)}${DEPENDENT}\\s]*$`, 'u');

function escape(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}

/** The [start, end) of `text` left once the specks at its two ends are dropped. */
export function speckFreeRange(text: string): { start: number; end: number } {
  if (ONLY_SPECKS.test(text)) return { start: 0, end: 0 };
  const leading = LEADING.exec(text)?.[0].length ?? 0;
  const rest = text.slice(leading);
  const trailing = TRAILING.exec(rest)?.[0].length ?? 0;
  return { start: leading, end: text.length - trailing };
}
