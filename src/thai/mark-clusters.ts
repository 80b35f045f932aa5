/** A text split into its letters and, per letter, the marks of one class written after it. */
export interface MarkClusters {
  /** The text without the marks of the class. */
  bases: string;
  /** Per letter of `bases`, the marks of the class that follow it, in order. */
  marks: string[];
  /** Per letter, its offset in the text; one more entry for the text's end. */
  at: number[];
}

/**
 * Splits `text` into letters and the marks `mark` matches after each (a mark at the very
 * start, with no letter before it, is kept as a letter). Office words split off every
 * mark, tone marks only theirs.
 */
export function markClusters(text: string, mark: RegExp): MarkClusters {
  let bases = '';
  const marks: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (mark.test(ch) && marks.length > 0) {
      marks[marks.length - 1] += ch;
      continue;
    }
    bases += ch;
    marks.push('');
    at.push(i);
  }
  at.push(text.length);
  return { bases, marks, at };
}
