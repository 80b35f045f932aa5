/** The header a browser sends to keep its refresh token in the cookie. */
export const SESSION = { 'X-Saraban-Session': 'cookie' };

/** The refresh cookie a response sets, as `name=value`, and its attributes. */
export function refreshCookie(headers: Record<string, unknown>): {
  pair: string;
  attributes: string;
} {
  const all = ([] as string[]).concat((headers['set-cookie'] as string[] | undefined) ?? []);
  const line = all.find((c) => c.startsWith('saraban_refresh='));
  if (!line) throw new Error(`no refresh cookie in ${JSON.stringify(all)}`);
  const [pair, ...rest] = line.split(';');
  return { pair, attributes: rest.join(';') };
}
