import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  PDFHexString,
} from 'pdf-lib';

/**
 * Active content in an uploaded PDF: what a viewer could run, launch, send or play when
 * the file is opened or clicked. The upload check refuses any of it (422
 * FILE_PDF_ACTIVE_CONTENT); a scanned letter never needs it.
 *
 * Refused:
 * - JavaScript anywhere: a `/JS` entry, an action `/S /JavaScript`, the catalog's
 *   `/Names /JavaScript` tree, a `javascript:` URI, a `<script>` in an XFA form;
 * - actions that leave the document: `/Launch` (runs a program), `/SubmitForm` and
 *   `/ImportData` (send or read data), `/GoToR` and `/GoToE` (open another or an embedded
 *   file), `/RichMediaExecute`, and rich media (`/RichMedia` annotations, Flash, 3D);
 * - embedded files of any kind (`/EmbeddedFiles`, `/EF`, file-attachment annotations),
 *   executables or not: the check cannot look inside them, and a letter's enclosures are
 *   uploaded as PDFs of their own.
 * Accepted: `/URI` actions with http, https or mailto (a printed web address in a
 * letter becomes a link; the server never follows it, and the file is served with
 * `Content-Security-Policy: sandbox`), `/GoTo` inside the document, named actions.
 *
 * The walk covers every object pdf-lib parsed (object streams included), nested
 * dictionaries and arrays inline in them, XFA streams decoded, and, for what pdf-lib may
 * have skipped as broken, the file's bytes outside stream data, with `#xx` escapes in
 * names decoded.
 */
export type ActiveContentKind =
  | 'JavaScript'
  | 'Launch'
  | 'SubmitForm'
  | 'ImportData'
  | 'RemoteGoTo'
  | 'RichMedia'
  | 'XFA script'
  | 'EmbeddedFile'
  | 'URI scheme';

const ACTION_KINDS: Record<string, ActiveContentKind> = {
  JavaScript: 'JavaScript',
  Launch: 'Launch',
  SubmitForm: 'SubmitForm',
  ImportData: 'ImportData',
  GoToR: 'RemoteGoTo',
  GoToE: 'RemoteGoTo',
  RichMediaExecute: 'RichMedia',
};

/** Dictionary keys whose mere presence is active content. */
const KEY_KINDS: Record<string, ActiveContentKind> = {
  JS: 'JavaScript',
  JavaScript: 'JavaScript',
  EmbeddedFiles: 'EmbeddedFile',
  EF: 'EmbeddedFile',
  RichMediaContent: 'RichMedia',
  RichMediaSettings: 'RichMedia',
};

/** Values of `/Type` or `/Subtype` that are active content. */
const TYPE_KINDS: Record<string, ActiveContentKind> = {
  EmbeddedFile: 'EmbeddedFile',
  FileAttachment: 'EmbeddedFile',
  RichMedia: 'RichMedia',
  Movie: 'RichMedia',
  Sound: 'RichMedia',
  Screen: 'RichMedia',
  '3D': 'RichMedia',
};

const SAFE_URI = /^(https?:|mailto:|#)/i;

/** Names as written in the file's bytes, for the scan outside streams. */
const RAW_NAMES: Record<string, ActiveContentKind> = {
  ...KEY_KINDS,
  ...ACTION_KINDS,
  FileAttachment: 'EmbeddedFile',
  EmbeddedFile: 'EmbeddedFile',
  RichMedia: 'RichMedia',
};

const name = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFName ? value.decodeText() : undefined;

const text = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

function decodedBytes(stream: PDFStream): Uint8Array | undefined {
  try {
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
    return stream.getContents();
  } catch {
    return undefined;
  }
}

export function findActiveContent(doc: PDFDocument, bytes: Uint8Array): Set<ActiveContentKind> {
  const found = new Set<ActiveContentKind>();
  const xfaRefs: PDFObject[] = [];

  const visit = (object: PDFObject | undefined, depth: number): void => {
    if (!object || depth > 64) return;
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item, depth + 1);
      return;
    }
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) return;
    for (const [key, value] of dict.entries()) {
      const keyName = key.decodeText();
      const keyKind = KEY_KINDS[keyName];
      if (keyKind) found.add(keyKind);
      if (keyName === 'S') {
        const action = name(value);
        const kind = action ? ACTION_KINDS[action] : undefined;
        if (kind) found.add(kind);
      }
      if (keyName === 'Type' || keyName === 'Subtype') {
        const kind = TYPE_KINDS[name(value) ?? ''];
        if (kind) found.add(kind);
      }
      if (keyName === 'URI') {
        // eslint-disable-next-line no-control-regex -- control characters are what it removes
        const uri = (text(value) ?? '').replace(/[\s\u0000-\u001f]/g, '');
        if (uri !== '' && !SAFE_URI.test(uri)) {
          found.add(/^javascript:/i.test(uri) ? 'JavaScript' : 'URI scheme');
        }
      }
      if (keyName === 'XFA') xfaRefs.push(value);
      // Direct (inline) children are walked here; referenced ones are walked as
      // indirect objects of their own.
      if (!(value instanceof PDFRef)) visit(value, depth + 1);
    }
  };

  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    visit(object, 0);
    // An object stream pdf-lib left unparsed: read its decoded text for action names.
    if (object instanceof PDFStream && name(object.dict.get(PDFName.of('Type'))) === 'ObjStm') {
      const decoded = decodedBytes(object);
      if (decoded) for (const kind of scanNames(decoded, false)) found.add(kind);
    }
  }

  // XFA: a stream or an array of (name, stream) pairs of XML; a <script> runs in the viewer.
  const xfaStreams: PDFStream[] = [];
  const collect = (value: PDFObject | undefined): void => {
    const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (resolved instanceof PDFStream) xfaStreams.push(resolved);
    else if (resolved instanceof PDFArray) for (const item of resolved.asArray()) collect(item);
  };
  for (const ref of xfaRefs) collect(ref);
  for (const stream of xfaStreams) {
    const decoded = decodedBytes(stream);
    const xml = decoded ? Buffer.from(decoded).toString('latin1') : '';
    if (!decoded || /<\s*(\w+:)?script\b/i.test(xml) || /javascript/i.test(xml)) {
      found.add('XFA script');
    }
  }

  for (const kind of scanNames(bytes, true)) found.add(kind);
  return found;
}

/**
 * Names written in raw PDF syntax, with `#xx` escapes decoded. With `skipStreamData`
 * the bytes between `stream` and `endstream` are skipped (compressed data would give
 * chance matches); what remains is the object syntax a lenient viewer may still read
 * where pdf-lib gave up.
 */
export function scanNames(bytes: Uint8Array, skipStreamData: boolean): Set<ActiveContentKind> {
  const found = new Set<ActiveContentKind>();
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let from = 0;
  while (from < source.length) {
    let until = source.length;
    let next = source.length;
    if (skipStreamData) {
      const start = source.indexOf('stream', from, 'latin1');
      if (start >= 0) {
        const isKeyword = source.indexOf('endstream', start - 3, 'latin1') !== start - 3;
        if (isKeyword) {
          until = start;
          const end = source.indexOf('endstream', start + 6, 'latin1');
          next = end < 0 ? source.length : end + 9;
        } else {
          until = start + 6;
          next = start + 6;
        }
      }
    }
    const chunk = source.toString('latin1', from, until);
    for (const match of chunk.matchAll(/\/([^\s/<>[\]{}()%]+)/g)) {
      const decoded = match[1].replace(/#([0-9a-fA-F]{2})/g, (_m, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
      const kind = RAW_NAMES[decoded] ?? TYPE_KINDS[decoded];
      if (kind) found.add(kind);
    }
    if (/javascript\s*:/i.test(chunk)) found.add('JavaScript');
    from = next;
  }
  return found;
}
