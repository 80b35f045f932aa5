/** Display helpers: Buddhist-era dates in Bangkok time and Thai or Arabic digits. */
export type Digits = 'thai' | 'arabic';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function toDigits(text: string | number, digits: Digits): string {
  const value = String(text);
  if (digits === 'arabic') return value.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
  return value.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

function locale(digits: Digits): string {
  return digits === 'thai' ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist-nu-latn';
}

/**
 * Formatters are built once per pattern and digit style: building an Intl.DateTimeFormat
 * with the Buddhist calendar costs far more than formatting with it, and a tracking table
 * formats hundreds of dates in one render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  kind: 'date' | 'dateTime',
  digits: Digits,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${kind}:${digits}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale(digits), { ...options, timeZone: 'Asia/Bangkok' });
    formatters.set(key, cached);
  }
  return cached;
}

export function formatDate(iso: string | null | undefined, digits: Digits): string {
  if (!iso) return '—';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso);
  return formatter('date', digits, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    date,
  );
}

export function formatDateTime(iso: string | null | undefined, digits: Digits): string {
  if (!iso) return '—';
  return formatter('dateTime', digits, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "๓ วัน ๒ ชม." from hours. */
export function formatAge(hours: number, digits: Digits): string {
  const whole = Math.max(0, Math.floor(hours));
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  const text = days > 0 ? `${days} วัน ${rest} ชม.` : whole > 0 ? `${whole} ชม.` : 'ไม่ถึง 1 ชม.';
  return toDigits(text, digits);
}

export const SPEED_LABEL: Record<string, string> = {
  none: 'ปกติ',
  urgent: 'ด่วน',
  very_urgent: 'ด่วนมาก',
  most_urgent: 'ด่วนที่สุด',
};

export const SECRECY_LABEL: Record<string, string> = {
  none: 'ปกติ',
  confidential: 'ลับ',
  secret: 'ลับมาก',
  top_secret: 'ลับที่สุด',
};

/** Today in Bangkok as ISO YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
}

/** The Buddhist-era year of today in Bangkok. */
export function currentBeYear(): number {
  return Number(todayIso().slice(0, 4)) + 543;
}
