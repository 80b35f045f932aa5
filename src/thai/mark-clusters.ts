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

/** A span of the text to be written as `word` instead. */
export interface WordRepair {
  from: number;
  to: number;
  word: string;
}

export interface MarkRepair {
  text: string;
  /** Whether any mark was put back: the field is a guess and is shown as unsure. */
  repaired: boolean;
}

/** `text` with each repair's span written as its word (the spans do not overlap). */
export function applyRepairs(text: string, repairs: WordRepair[]): MarkRepair {
  if (repairs.length === 0) return { text, repaired: false };
  const ordered = [...repairs].sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const r of ordered) {
    out += text.slice(at, r.from) + r.word;
    at = r.to;
  }
  return { text: out + text.slice(at), repaired: true };
}
