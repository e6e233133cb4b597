import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fitsLiteralBlock, inlineScalar, literalBlock } from './scalar-style';

const TRICKY = [
  'yes', 'no', 'on', 'off', 'Yes', 'y', 'n', '1.10', '1.0', '0123', '0x1F', '0o17', '0b101', '1e3', '1E-3', '1_000',
  '~', 'null', 'Null', 'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRUE', 'false', 'FALSE', '.inf', '-.Inf', '+.INF',
  '.nan', '.NaN', '.5', '+1', '-1', '5.', '2024-01-01', '12:30', '1:2:3', '- a', '-', '-a', '--', '---', '--- a',
  '...', '? a', '?', '?a', ': a', ':', ':a', 'a:', 'a:b', 'a: b', 'a:\tb', 'a #b', 'a#b', 'a\t#b', '#x', ' x', 'x ',
  '\tx', 'x\t', '@x', '`x', '%x', '!x', '&x', '*x', '|x', '>x', ',x', '{', '}', '[', ']', '{a}', '[a]', 'a,b', 'a]',
  '"q"', "'q'", "it's", 'say "hi"', 'tab\there', 'C:\\Program Files\\x', '\\', 'a\\nb', '<LOGPATH>',
  '/S /D=<INSTALLPATH>', '--log-file="<LOGPATH>"', '{4365E60C-C438-49EE-AC80-5E5CCD3EF342}', '=x', 'x=y',
  'bell\u0007', 'esc\u001b[0m', 'nul\u0000', 'del\u007f', 'c1\u0085', 'nbsp\u00a0x', '\u00a0lead', 'ls\u2028x',
  'bom\ufeff', 'lone\ud800', 'low\udc00x', 'emoji 😀', '网易云音乐', 'Grüße', 'ümlaut:', 'https://example.com/#/a',
  'https://x.com/a?b=c&d=e', 'a\nb', 'a\rb', 'a\r\nb', 'trailing\n', 'x\n\n', '\n', '\nlead', ' \n x', 'A', 'a b',
  '0', '00', '-0', '+', '.', '..', '0.', '0x', '0o', 'inf', 'nan', '=', '<<', 'a: ', '  ', ' ',
];

function readCore(doc: string): unknown {
  return (parse(doc) as { k: unknown }).k;
}

function readFailsafe(doc: string): unknown {
  return (parse(doc, { schema: 'failsafe' }) as { k: unknown }).k;
}

describe('inlineScalar', () => {
  it.each(TRICKY)('round-trips %j through core and failsafe readers', (text) => {
    const doc = `k: ${inlineScalar(text)}\n`;
    expect(readCore(doc)).toBe(text);
    expect(readFailsafe(doc)).toBe(text);
    const seq = `k:\n- ${inlineScalar(text)}\n`;
    expect((parse(seq) as { k: unknown[] }).k[0]).toBe(text);
  });

  it('quotes exactly the strings a core-schema reader would retype or misread', () => {
    const table: [string, string][] = [
      ['1.10', "'1.10'"],
      ['0123', "'0123'"],
      ['0x1F', "'0x1F'"],
      ['1e3', "'1e3'"],
      ['.5', "'.5'"],
      ['+1', "'+1'"],
      ['NULL', "'NULL'"],
      ['~', "'~'"],
      ['True', "'True'"],
      ['- a', "'- a'"],
      ['#x', "'#x'"],
      ['a: b', "'a: b'"],
      ['a #b', "'a #b'"],
      [' x', "' x'"],
      ['@x', "'@x'"],
      ['`x', "'`x'"],
      ['{', "'{'"],
      ['"q"', `'"q"'`],
      ["'q'", "'''q'''"],
      ['esc\u001b', '"esc\\e"'],
      ['a\r\nb', '"a\\r\\nb"'],
      // Plain: a core-schema reader keeps these as strings.
      ['yes', 'yes'],
      ['2024-01-01', '2024-01-01'],
      ['1.2.3', '1.2.3'],
      ["it's", "it's"],
      ['tab\there', 'tab\there'],
      ['a#b', 'a#b'],
      ['a:b', 'a:b'],
      ['124.0.6367.119', '124.0.6367.119'],
      ['Google Chrome (EXE)', 'Google Chrome (EXE)'],
      ['网易云音乐', '网易云音乐'],
      ['--verbose-logging --log-file="<LOGPATH>"', '--verbose-logging --log-file="<LOGPATH>"'],
    ];
    for (const [text, written] of table) expect(inlineScalar(text), text).toBe(written);
  });
});

describe('literalBlock', () => {
  const MULTI = [
    'a\nb', 'a\nb\n', 'a\nb\n\n', 'a\nb\n\n\n', ' lead\nx', '  two\n x', '\nafter blank', '\n\n x\ny', '   \nx',
    'x\n   \ny', 'x\n  ', '\tTab\nx', '# not a comment\n- not a list\nkey: value', 'a\n\nb', 'Line with trailing  \nx',
    '- item one\n- item two\n', '网易\n云音乐', "it's: 'quoted'\n\"and\" #hash",
  ];
  it.each(MULTI)('writes %j as a literal block that reads back identically', (text) => {
    expect(fitsLiteralBlock(text)).toBe(true);
    const block = literalBlock(text);
    const lines = block.lines.map((l) => (l === '' ? '' : `  ${l}`));
    const doc = `k: ${block.header}\n${lines.join('\n')}\nnext: 1\n`;
    expect(readCore(doc)).toBe(text);
    expect(readFailsafe(doc)).toBe(text);
  });

  it('picks chomping from the trailing line breaks and marks indentation only when needed', () => {
    expect(literalBlock('a\nb').header).toBe('|-');
    expect(literalBlock('a\nb\n').header).toBe('|');
    expect(literalBlock('a\nb\n\n').header).toBe('|+');
    expect(literalBlock(' a\nb').header).toBe('|2-');
    expect(literalBlock('\tx\ny').header).toBe('|-');
  });

  it('leaves text a block cannot carry to double quotes', () => {
    expect(fitsLiteralBlock('a\r\nb')).toBe(false);
    expect(fitsLiteralBlock('a\n\u0007')).toBe(false);
    expect(fitsLiteralBlock('\n\n')).toBe(false);
    expect(fitsLiteralBlock('single line')).toBe(false);
  });
});
