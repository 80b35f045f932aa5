import { parseThaiDate } from 'src/thai/be-date.js';

/**
 * A date typed into a query or form: ISO (`2026-01-15`) or as a clerk writes it, in
 * Buddhist-era form and either digit set (`๑๕ ม.ค. ๒๕๖๙`, `15/01/2569`). Null when it
 * cannot be read; callers answer 400 with their own code.
 */
export function parseUserDate(input: string): string | null {
  const trimmed = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const date = new Date(`${trimmed}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(trimmed) ? trimmed : null;
  }
  const parsed = parseThaiDate(trimmed);
  return parsed.ok ? parsed.value.date : null;
}
