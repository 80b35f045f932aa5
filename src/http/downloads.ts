import type { Response } from 'express';

/**
 * Headers of every PDF the API serves (originals, stamped letters, printouts). A PDF is
 * a document, never a page of this site: `nosniff` stops a browser from reading it as
 * anything else, and `Content-Security-Policy: sandbox` keeps whatever a viewer might run
 * in it (the upload check refuses active content; this holds for files stored before
 * that check too) off this origin's cookies and storage. It downloads as an attachment
 * unless the console asks to show it in its viewer with `?inline=1`.
 */
export function setPdfHeaders(
  response: Response,
  options: { filename: string; inline: boolean },
): void {
  response.setHeader('Content-Type', 'application/pdf');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Security-Policy', 'sandbox');
  response.setHeader(
    'Content-Disposition',
    contentDisposition(options.inline ? 'inline' : 'attachment', options.filename),
  );
}

/** `?inline=1` (or `true`): the console's viewer shows the PDF in the page. */
export function wantsInline(value: unknown): boolean {
  return value === '1' || value === 'true';
}

/**
 * RFC 6266 Content-Disposition: an ASCII `filename` for old clients and the exact name,
 * Thai included, as UTF-8 in `filename*` (RFC 8187).
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const name = safeFileName(filename) || 'download';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A client's file name as it may be stored and sent back: NFC, no control or
 * zero-width characters, no path, at most 255 characters.
 */
export function safeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  return [
    ...base.replace(
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g,
      '',
    ),
  ]
    .slice(0, 255)
    .join('')
    .trim();
}
