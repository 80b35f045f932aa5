/**
 * The engine's own built-ins, taken before pdf.js is loaded (pdfjs.ts imports this module
 * ahead of pdf.js, so it is evaluated first), for `restoreEngineBuiltins` to put back.
 */

/** The objects whose properties core-js, bundled in pdf.js's legacy build, may replace. */
const HOLDERS: Record<string, object> = {
  globalThis,
  JSON,
  Math,
  Reflect,
  Object,
  'Object.prototype': Object.prototype,
  'Function.prototype': Function.prototype,
  Array,
  'Array.prototype': Array.prototype,
  'String.prototype': String.prototype,
  Number,
  'Number.prototype': Number.prototype,
  Promise,
  'Promise.prototype': Promise.prototype,
  'Map.prototype': Map.prototype,
  'Set.prototype': Set.prototype,
  'RegExp.prototype': RegExp.prototype,
  'Date.prototype': Date.prototype,
  'ArrayBuffer.prototype': ArrayBuffer.prototype,
  'TypedArray.prototype': Object.getPrototypeOf(Uint8Array.prototype) as object,
  'Uint8Array.prototype': Uint8Array.prototype,
};

type Snapshot = { holder: object; key: PropertyKey; descriptor: PropertyDescriptor }[];

function snapshot(): Snapshot {
  const taken: Snapshot = [];
  for (const holder of Object.values(HOLDERS)) {
    for (const key of Reflect.ownKeys(holder)) {
      const descriptor = Object.getOwnPropertyDescriptor(holder, key);
      if (descriptor) taken.push({ holder, key, descriptor });
    }
  }
  return taken;
}

const ENGINE = snapshot();

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  return (
    b !== undefined &&
    Object.is(a.value, b.value) &&
    a.get === b.get &&
    a.set === b.set &&
    a.writable === b.writable
  );
}

/**
 * Puts back every engine built-in that was replaced since this module loaded, and answers
 * their names. What was added (methods Node 20 lacks and pdf.js uses) stays.
 */
export function restoreEngineBuiltins(): string[] {
  const names = Object.entries(HOLDERS);
  const restored: string[] = [];
  for (const { holder, key, descriptor } of ENGINE) {
    if (sameDescriptor(descriptor, Object.getOwnPropertyDescriptor(holder, key))) continue;
    if (!Reflect.defineProperty(holder, key, descriptor)) continue;
    const holderName = names.find(([, h]) => h === holder)?.[0] ?? '?';
    restored.push(`${holderName}.${String(key)}`);
  }
  return restored;
}
