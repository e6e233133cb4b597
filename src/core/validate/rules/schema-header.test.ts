import { describe, expect, it } from 'vitest';
import type { Finding } from '../../findings';
import { runHeaderRules } from './index';
import { contextFrom, edit } from './test-kit';
import { example } from '../../../../test/rule-fixtures';

const headers = (files: Record<string, string>, headerAsWarning = false, full = true): Finding[] =>
  runHeaderRules(contextFrom(files, { full }).ctx, { headerAsWarning });

const OBS = example('o/Obsidian/Obsidian/1.11.7');
const OI = 'Obsidian.Obsidian.installer.yaml';
const HEADER = '# yaml-language-server: $schema=https://aka.ms/winget-manifest.installer.1.12.0.schema.json';
const withHeader = (line: string): Record<string, string> => edit(OBS, OI, HEADER, line);

describe('schema header (§F)', () => {
  it('accepts the headers of a real 1.12 manifest, including the mixed-case defaultLocale URL', () => {
    expect(headers(OBS)).toEqual([]);
  });

  it('F1: a missing header is an error, or a warning under winget validate', () => {
    const files = withHeader('# nothing to see here');
    const found = headers(files);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', rule: 'header-missing', file: OI, line: 1, field: '' })]);
    expect(found[0]!.message).toContain('Schema header not found.');
    expect(found[0]!.message).toContain(HEADER);
    expect(headers(files, true).map((f) => f.severity)).toEqual(['warning']);
  });

  it('F2: a header that is not `yaml-language-server: <value>` is invalid', () => {
    const found = headers(withHeader(HEADER.replace('yaml-language-server:', 'yaml-language-server=')));
    expect(found).toEqual([expect.objectContaining({ rule: 'header-invalid', line: 2 })]);
    expect(found[0]!.message).toContain('The schema header is invalid.');
  });

  it('F3: the value must end in winget-manifest.<type>.<version>.schema.json', () => {
    const found = headers(withHeader('# yaml-language-server: $schema=https://example.com/schema.json'));
    expect(found[0]!.message).toContain('The schema header URL does not match the expected pattern.');
  });

  it('F4: the header must name the file\'s own ManifestType, in exact case', () => {
    const found = headers(withHeader(HEADER.replace('installer', 'version')));
    expect(found).toEqual([expect.objectContaining({ rule: 'header-type', line: 2 })]);
    expect(found[0]!.message).toContain('The manifest type in the schema header does not match the ManifestType property value in the manifest.');
    const lower = edit(OBS, 'Obsidian.Obsidian.locale.en-US.yaml', 'defaultLocale.1.12.0', 'defaultlocale.1.12.0');
    expect(headers(lower).map((f) => f.rule)).toEqual(['header-type']);
  });

  it('F5: the header must name the file\'s ManifestVersion', () => {
    const found = headers(withHeader(HEADER.replace('1.12.0', '1.10.0')));
    expect(found[0]!.message).toContain('The manifest version in the schema header does not match the ManifestVersion property value in the manifest.');
  });

  it('F6: the URL must be the bundled schema id (case-insensitive)', () => {
    const found = headers(withHeader(HEADER.replace('https://aka.ms/', 'https://example.com/')));
    expect(found).toEqual([expect.objectContaining({ rule: 'header-url', line: 2 })]);
    expect(found[0]!.message).toContain('The schema header URL does not match the expected pattern.');
    expect(headers(withHeader(HEADER.replace('https://aka.ms/', 'HTTPS://AKA.MS/')))).toEqual([]);
  });

  it('applies only to ManifestVersion 1.7 and newer, under Full', () => {
    const discord = example('d/Discord/Discord/1.0.9003');
    const bare = edit(discord, 'Discord.Discord.installer.yaml', '# yaml-language-server', '# no-server');
    expect(headers(bare)).toEqual([]);
    expect(headers(withHeader('# nothing'), false, false)).toEqual([]);
  });
});
