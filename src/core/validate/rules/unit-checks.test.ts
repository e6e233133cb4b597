import { describe, expect, it } from 'vitest';
import { checkMsiSwitch, isWellFormedBcp47, isWellFormedUrl, tokenizeMsiArguments } from './index';
import { escapesBaseDirectory } from './path-checks';
import { toDword } from './installer-field-rules';

describe('BCP-47 well-formedness (RFC 5646 syntax)', () => {
  it.each(['en', 'en-US', 'zh-Hans-CN', 'sr-Latn-RS', 'es-419', 'de-CH-1901', 'sl-rozaj-biske', 'en-a-bbb-x-a-ccc', 'x-whatever', 'i-klingon', 'zh-min-nan', 'nb-NO', 'zh-yue-HK', 'EN-us'])(
    'accepts %s',
    (tag) => expect(isWellFormedBcp47(tag)).toBe(true),
  );
  it.each(['', 'en_US', 'englishes', 'en-', 'en-a', 'a-DE', 'en-US-', 'de-419-DE', 'x', 'en--US', '123'])(
    'rejects %s',
    (tag) => expect(isWellFormedBcp47(tag)).toBe(false),
  );
});

describe('URL well-formedness', () => {
  it('needs a scheme and a host', () => {
    expect(isWellFormedUrl('https://example.com/a b.exe')).toBe(true);
    expect(isWellFormedUrl('ftp://host')).toBe(true);
    for (const bad of ['NotAUrl', 'example.com/setup.exe', 'https://', 'https:/x', '://host']) expect(isWellFormedUrl(bad)).toBe(false);
  });
});

describe('msiexec switch checking', () => {
  it('splits on whitespace outside quotes', () => {
    expect(tokenizeMsiArguments('/l*v "C:\\my logs\\a.txt"  A="x y"')).toEqual(['/l*v', '"C:\\my logs\\a.txt"', 'A="x y"']);
    expect(tokenizeMsiArguments('A="open')).toBeUndefined();
  });
  it.each(['/quiet /norestart', '/passive /norestart', '/log "<LOGPATH>"', 'TARGETDIR="<INSTALLPATH>"', '/qn', '/qb!-', '/q', '/QN+', '-qn', '/forcerestart', '/promptrestart', 'A="say ""hi"""', 'A=', 'INSTALLLEVEL=1000 ADDLOCAL=ALL'])(
    'accepts %s',
    (args) => expect(checkMsiSwitch(args)).toEqual({ valid: true, blocked: [] }),
  );
  it.each(['/i', '@INVALID', '/qx', '/qn-', '/l*v', 'A="x"y"', 'A=x"y z"', '/', '"A=1"'])('rejects %s', (args) => expect(checkMsiSwitch(args).valid).toBe(false));
  it('names blocked properties in any case', () => {
    expect(checkMsiSwitch('patch=a.msp MsiNewInstance=1 ADMINPROPERTIES=x transforms=y').blocked).toEqual(['patch', 'MsiNewInstance', 'ADMINPROPERTIES', 'transforms']);
  });
});

describe('paths inside the base directory', () => {
  it('rejects rooted, absolute and climbing paths', () => {
    for (const p of ['..\\a', 'a/../../b', 'C:\\a', 'C:a', '\\a', '/a', '\\\\server\\share']) expect(escapesBaseDirectory(p)).toBe(true);
    for (const p of ['a', 'a\\b.exe', 'a/../b', './a', 'a/..']) expect(escapesBaseDirectory(p)).toBe(false);
  });
});

describe('return codes as 32-bit values', () => {
  it('reads C-style integers and truncates them', () => {
    expect(toDword('0x80070005')).toBe(0x80070005);
    expect(toDword(-2147024891)).toBe(0x80070005);
    expect(toDword('010')).toBe(8);
    expect(toDword('4294967297')).toBe(1);
    expect(toDword('12abc')).toBeUndefined();
  });
});
