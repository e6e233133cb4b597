/**
 * msiexec argument checking for rule E25: winget passes msi/wix switches to msiexec itself, so only what it
 * can pass through safely is accepted.
 */

export interface MsiSwitchCheck {
  /** False when any token is not an accepted option or a well-formed property. */
  valid: boolean;
  /** Blocked property names as written (TRANSFORMS, PATCH, MSINEWINSTANCE, ADMINPROPERTIES). */
  blocked: string[];
}

const BLOCKED = new Set(['TRANSFORMS', 'PATCH', 'MSINEWINSTANCE', 'ADMINPROPERTIES']);
const PLAIN_LONG_OPTIONS = new Set(['quiet', 'passive', 'norestart', 'forcerestart', 'promptrestart']);
const LOG_MODIFIERS = /^[iweaurcmopvx+!*]*$/i;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Splits on whitespace outside double quotes; undefined when a quote is left open. */
export function tokenizeMsiArguments(args: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let inToken = false;
  for (const ch of args) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    current += ch;
    inToken = true;
  }
  if (quoted) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}

/** `/q` with its UI-level modifiers: a base of n, b, r, f or + (or none), then +, and for b also - and !. */
function isQuietModifier(modifier: string): boolean {
  if (modifier === '') return true;
  const base = modifier[0]!.toLowerCase();
  if (!'nbrf+'.includes(base)) return false;
  for (const c of modifier.slice(1)) {
    if (c === '+') continue;
    if ((c === '-' || c === '!') && base === 'b') continue;
    return false;
  }
  return true;
}

/** A quoted value must be quoted end to end, with any quote inside doubled. */
function isWellQuoted(value: string): boolean {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return false;
  return !/"/.test(value.slice(1, -1).replaceAll('""', ''));
}

function isPropertyValue(value: string): boolean {
  if (value.startsWith('"')) return isWellQuoted(value);
  return !/\s/.test(value);
}

export function checkMsiSwitch(args: string): MsiSwitchCheck {
  const blocked: string[] = [];
  const tokens = tokenizeMsiArguments(args);
  if (!tokens) return { valid: false, blocked };
  let valid = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.startsWith('/') || token.startsWith('-')) {
      const body = token.slice(1);
      const lower = body.toLowerCase();
      if (PLAIN_LONG_OPTIONS.has(lower)) continue;
      const isLog = lower === 'log' || (lower.startsWith('l') && LOG_MODIFIERS.test(body.slice(1)));
      if (isLog) {
        const file = tokens[i + 1];
        i += 1;
        if (file === undefined || (file.startsWith('"') && !isWellQuoted(file))) valid = false;
        continue;
      }
      if (lower.startsWith('q') && isQuietModifier(body.slice(1))) continue;
      valid = false;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? '' : token.slice(0, eq);
    if (!PROPERTY_NAME.test(name) || !isPropertyValue(token.slice(eq + 1))) {
      valid = false;
      continue;
    }
    if (BLOCKED.has(name.toUpperCase())) blocked.push(name);
  }
  return { valid, blocked };
}
