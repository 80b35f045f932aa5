import type { OcrWord } from 'src/modules/files/reading/ocr-pool.js';

/**
 * Where a line's words sit in its text (the engine prints them in order, spaces between),
 * or null if they do not follow it: what a change to one word's text is spliced in at.
 */
export function wordStarts(text: string, words: readonly OcrWord[]): number[] | null {
  const starts: number[] = [];
  let cursor = 0;
  for (const word of words) {
    const at = text.indexOf(word.text, cursor);
    if (at < 0) return null;
    starts.push(at);
    cursor = at + word.text.length;
  }
  return starts;
}
