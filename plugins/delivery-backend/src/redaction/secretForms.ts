/** Secrets shorter than this are not redacted (they would mangle ordinary text). */
export const MIN_SECRET_LENGTH = 4;

/** A configured secret and, when it is a password, the user it is sent with. */
export interface ConfiguredSecret {
  value: string;
  /** Username of a Basic-auth pair (its base64 form is redacted too). */
  username?: string;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

/**
 * Every form in which a secret can show up in text: as is, trimmed, each of
 * its lines (a token with a stray newline, a PEM key), JSON-escaped,
 * URL-encoded, base64 (alone and as a Basic-auth `user:secret` pair).
 */
export function secretForms(secret: ConfiguredSecret): string[] {
  const { value, username } = secret;
  const forms = new Set<string>();
  const add = (s: string | undefined) => {
    if (s && s.length >= MIN_SECRET_LENGTH) forms.add(s);
  };
  add(value);
  add(value.trim());
  for (const line of value.split(/\r?\n|\r/)) add(line.trim());
  // a PEM key written with literal \n (as app-config often has it)
  for (const line of value.split('\\n')) add(line.trim());
  add(JSON.stringify(value).slice(1, -1));
  add(JSON.stringify(JSON.stringify(value).slice(1, -1)).slice(1, -1));
  add(encodeURIComponent(value));
  add(encodeURIComponent(value).replace(/%20/g, '+'));
  add(b64(value));
  add(b64url(value));
  if (username !== undefined) {
    add(b64(`${username}:${value}`));
    add(b64(`${username}:${value.trim()}`));
  }
  return [...forms];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression matching every form, longest first. */
export function formsPattern(forms: Iterable<string>): RegExp | undefined {
  const list = [...new Set(forms)].sort((a, b) => b.length - a.length);
  if (list.length === 0) return undefined;
  return new RegExp(list.map(escapeRegExp).join('|'), 'g');
}
