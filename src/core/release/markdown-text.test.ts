import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './markdown-text';

const md = (lines: string[]): string => lines.join('\n');

describe('markdownToPlainText: real release bodies', () => {
  it('turns GitHub generated notes into plain lines', () => {
    const body = md([
      "## What's Changed",
      '* Fix `--height` when the terminal is resized by @alice in https://github.com/junegunn/fzf/pull/4101',
      '* Bump **golang.org/x/sys** from 0.26.0 to 0.27.0 by @dependabot[bot] in https://github.com/junegunn/fzf/pull/4099',
      '',
      '## New Contributors',
      '* @bob_smith made their first contribution in https://github.com/junegunn/fzf/pull/4088',
      '',
      '**Full Changelog**: https://github.com/junegunn/fzf/compare/v0.56.2...v0.56.3',
    ]);
    expect(markdownToPlainText(body)).toBe(md([
      "What's Changed",
      '- Fix --height when the terminal is resized by @alice in https://github.com/junegunn/fzf/pull/4101',
      '- Bump golang.org/x/sys from 0.26.0 to 0.27.0 by @dependabot[bot] in https://github.com/junegunn/fzf/pull/4099',
      '',
      'New Contributors',
      '- @bob_smith made their first contribution in https://github.com/junegunn/fzf/pull/4088',
      '',
      'Full Changelog: https://github.com/junegunn/fzf/compare/v0.56.2...v0.56.3',
    ]));
  });

  it('reads a hand-written changelog with CRLF, a template comment, badges, details and code', () => {
    const body = [
      '<!-- Release template: keep the sections below -->',
      '[![Downloads](https://img.shields.io/github/downloads/neovim/neovim/v0.10.2/total)](https://github.com/neovim/neovim/releases/tag/v0.10.2)',
      '',
      '# Nvim 0.10.2',
      '',
      '## Install',
      '',
      '### Windows',
      '',
      '#### Zip',
      '',
      '1. Download **nvim-win64.zip**',
      '2. Extract the zip',
      '3. Run `nvim.exe` on your CLI of choice',
      '',
      '#### MSI',
      '',
      '1. Download **nvim-win64.msi**',
      '2. Run the MSI',
      '3. Run `nvim.exe` on your CLI of choice',
      '',
      'Note: On Windows "Server" you may need to [install vcruntime140.dll](https://learn.microsoft.com/cpp/windows/latest-supported-vc-redist).',
      '',
      '<details><summary>Changelog</summary>',
      '',
      '### BUG FIXES',
      '',
      '- **api:** `nvim_buf_get_text()` crashes with large negative column #28740',
      '- **lsp:** handle `nil` response in `textDocument/hover` ([#30221](https://github.com/neovim/neovim/issues/30221))',
      '  - follow-up: clear the _stale_ highlight',
      '',
      '```lua',
      'vim.lsp.buf.hover({ border = "rounded" })',
      '```',
      '</details>',
      '',
      '---',
      '',
      '| File | SHA-256 |',
      '| --- | --- |',
      '| nvim-win64.msi | `9f1e…` |',
    ].join('\r\n');
    expect(markdownToPlainText(body)).toBe(md([
      'Nvim 0.10.2',
      '',
      'Install',
      '',
      'Windows',
      '',
      'Zip',
      '',
      '1. Download nvim-win64.zip',
      '2. Extract the zip',
      '3. Run nvim.exe on your CLI of choice',
      '',
      'MSI',
      '',
      '1. Download nvim-win64.msi',
      '2. Run the MSI',
      '3. Run nvim.exe on your CLI of choice',
      '',
      'Note: On Windows "Server" you may need to install vcruntime140.dll.',
      '',
      'Changelog',
      '',
      'BUG FIXES',
      '',
      '- api: nvim_buf_get_text() crashes with large negative column #28740',
      '- lsp: handle nil response in textDocument/hover (#30221)',
      '  - follow-up: clear the stale highlight',
      '',
      'vim.lsp.buf.hover({ border = "rounded" })',
      '',
      'File | SHA-256',
      'nvim-win64.msi | 9f1e…',
    ]));
  });

  it('reads a release-please changelog', () => {
    const body = md([
      '## [2.4.0](https://github.com/contoso/widget/compare/v2.3.1...v2.4.0) (2025-03-04)',
      '',
      '',
      '### Features',
      '',
      '* **installer:** per-user install without elevation ([#311](https://github.com/contoso/widget/issues/311)) ([4f2a9c1](https://github.com/contoso/widget/commit/4f2a9c1))',
      '',
      '',
      '### Bug Fixes',
      '',
      '* **tray:** icon blurry at 150&nbsp;% scaling ([#305](https://github.com/contoso/widget/issues/305)) ([0b7d3e2](https://github.com/contoso/widget/commit/0b7d3e2))',
    ]);
    expect(markdownToPlainText(body)).toBe(md([
      '2.4.0 (2025-03-04)',
      '',
      'Features',
      '',
      '- installer: per-user install without elevation (#311) (4f2a9c1)',
      '',
      'Bug Fixes',
      '',
      '- tray: icon blurry at 150 % scaling (#305) (0b7d3e2)',
    ]));
  });

  it('keeps GitHub alerts readable and screenshots out', () => {
    const body = md([
      '> [!IMPORTANT]',
      '> Settings moved to `%APPDATA%\\Contoso\\settings.json`.',
      '',
      '![image](https://github.com/user-attachments/assets/0f4c1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b)',
      '',
      'Thanks to everyone who tested the beta!',
    ]);
    expect(markdownToPlainText(body)).toBe(md([
      'Important',
      'Settings moved to %APPDATA%\\Contoso\\settings.json.',
      '',
      'Thanks to everyone who tested the beta!',
    ]));
  });
});

describe('markdownToPlainText: inline markup', () => {
  it('drops emphasis, strikethrough and code backticks', () => {
    expect(markdownToPlainText('*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~ `h` ``i ` j``')).toBe('a b c d e f g h i ` j');
  });

  it('leaves underscores inside words, lone asterisks and tildes alone', () => {
    expect(markdownToPlainText('rename snake_case_name to CONSTANT_VALUE')).toBe('rename snake_case_name to CONSTANT_VALUE');
    expect(markdownToPlainText('2 * 3 = 6, and 4 * 5')).toBe('2 * 3 = 6, and 4 * 5');
    expect(markdownToPlainText('takes ~5 minutes, down from ~10')).toBe('takes ~5 minutes, down from ~10');
    expect(markdownToPlainText('**unclosed and *half')).toBe('**unclosed and *half');
  });

  it('keeps URLs whole, underscores and all', () => {
    expect(markdownToPlainText('see https://example.com/_private_/a_b_c and _this_')).toBe('see https://example.com/_private_/a_b_c and this');
    expect(markdownToPlainText('**https://example.com/x**.')).toBe('https://example.com/x.');
  });

  it('turns links into their text, autolinks into their URL, and drops images', () => {
    expect(markdownToPlainText('[the docs](https://e.x/docs "Docs") and [**bold** link](<https://e.x/a b>)')).toBe('the docs and bold link');
    expect(markdownToPlainText('<https://e.x/a_b_> or <mailto:me@e.x> or <me@e.x>')).toBe('https://e.x/a_b_ or mailto:me@e.x or me@e.x');
    expect(markdownToPlainText('before ![alt text](https://e.x/i.png) after')).toBe('before  after');
    expect(markdownToPlainText('[![badge](https://e.x/b.svg)](https://e.x) [](https://e.x/empty)')).toBe('');
    expect(markdownToPlainText('[link (with parens)](https://e.x/a_(b)) done')).toBe('link (with parens) done');
  });

  it('resolves reference links against their definitions and keeps undefined brackets', () => {
    const body = md(['See [the guide][guide], [Guide][] and [guide].', 'Keep [BREAKING] and [^1] and [x][nope].', '', '[guide]: https://e.x/guide "The guide"']);
    expect(markdownToPlainText(body)).toBe('See the guide, Guide and guide.\nKeep [BREAKING] and [^1] and [x][nope].');
  });

  it('decodes entities and backslash escapes, but not inside code', () => {
    expect(markdownToPlainText('Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &#x1F600; a&nbsp;b &bogus; \\*not em\\*'))
      .toBe('Tom & Jerry <3 "hi" \'x\' 😀 a b &bogus; *not em*');
    expect(markdownToPlainText('`&amp; \\*`')).toBe('&amp; \\*');
  });

  it('strips known HTML tags, keeps unknown angle brackets, and breaks lines at <br>', () => {
    expect(markdownToPlainText('<kbd>Ctrl</kbd>+<kbd>K</kbd> opens <b>it</b><br>next<br/>line<br />end')).toBe('Ctrl+K opens it\nnext\nline\nend');
    expect(markdownToPlainText('Vec<u8> and `winget install <id>` and winget show <id>')).toBe('Vec<u8> and winget install <id> and winget show <id>');
    expect(markdownToPlainText('<p align="center"><img src="https://e.x/logo.png" width="200"></p>\n\nText')).toBe('Text');
  });
});

describe('markdownToPlainText: blocks', () => {
  it('writes every list marker as "- " and nests two spaces per level', () => {
    const body = md(['* one', '+ two', '- three', '  * nested', '    + deeper', '      continued text', '- four']);
    expect(markdownToPlainText(body)).toBe(md(['- one', '- two', '- three', '  - nested', '    - deeper', '      continued text', '- four']));
  });

  it('numbers ordered lists from their first number, as GitHub shows them', () => {
    expect(markdownToPlainText(md(['1. a', '1. b', '1. c']))).toBe('1. a\n2. b\n3. c');
    expect(markdownToPlainText(md(['3) c', '4) d', '', 'Text', '', '1. again']))).toBe('3. c\n4. d\n\nText\n\n1. again');
    expect(markdownToPlainText(md(['1. Install', '   1. Download', '   2. Run', '2. Use', '   - tip']))).toBe(
      md(['1. Install', '  1. Download', '  2. Run', '2. Use', '  - tip']),
    );
  });

  it('continues list items across lines and after a blank line when indented', () => {
    const body = md(['- first', 'lazy continuation', '', '  second paragraph of first', '- next', '', 'after the list']);
    expect(markdownToPlainText(body)).toBe(md(['- first', '  lazy continuation', '', '  second paragraph of first', '- next', '', 'after the list']));
  });

  it('keeps a blockquote inside a list item in the item', () => {
    expect(markdownToPlainText('- item\n\n  > quoted in the item\n- next')).toBe('- item\n\n  quoted in the item\n- next');
  });

  it('keeps task list boxes', () => {
    expect(markdownToPlainText('- [x] done\n- [ ] todo')).toBe('- [x] done\n- [ ] todo');
  });

  it('drops heading markers, setext underlines, blockquote markers and rules', () => {
    const body = md(['# One #', 'Two', '===', 'Three', '---', '> quoted', '> > twice', '', '***', '* * *', '#hashtag stays']);
    expect(markdownToPlainText(body)).toBe(md(['One', 'Two', 'Three', 'quoted', 'twice', '', '#hashtag stays']));
  });

  it('keeps code verbatim: fenced (backticks or tildes, in lists) and indented', () => {
    const body = md([
      'Run:',
      '',
      '~~~powershell',
      'winget install --id Contoso.App -e   ',
      '  *not emphasis* [not](link)',
      '~~~',
      '- in a list:',
      '  ```',
      '  indented code',
      '  ```',
      '',
      'Indented:',
      '',
      '    - not a list',
      '    **raw**',
    ]);
    expect(markdownToPlainText(body)).toBe(md([
      'Run:',
      '',
      'winget install --id Contoso.App -e',
      '  *not emphasis* [not](link)',
      '- in a list:',
      '  indented code',
      '',
      'Indented:',
      '',
      '- not a list',
      '**raw**',
    ]));
  });

  it('writes tables as rows of cells joined by " | "', () => {
    const body = md(['| Asset | Arch | Notes |', '|:------|:----:|------:|', '| `app.msi` | x64 | **new** |', '| app-arm64.msi | arm64 | |', 'a \\| b | c | d', '', 'Not | a table']);
    expect(markdownToPlainText(body)).toBe(md(['Asset | Arch | Notes', 'app.msi | x64 | new', 'app-arm64.msi | arm64 |', 'a | b | c | d', '', 'Not | a table']));
  });

  it('keeps <details>/<summary> text and drops multi-line comments', () => {
    const body = md(['<details>', '<summary>Full list</summary>', '', '- a', '<!-- hidden', '- b -->', '- c', '</details>']);
    expect(markdownToPlainText(body)).toBe(md(['Full list', '', '- a', '- c']));
  });
});

describe('markdownToPlainText: whitespace', () => {
  it('gives an empty string for an empty or blank body', () => {
    expect(markdownToPlainText('')).toBe('');
    expect(markdownToPlainText(' \r\n\t\n  ')).toBe('');
    expect(markdownToPlainText('<!-- only a comment -->\n\n---')).toBe('');
  });

  it('removes trailing whitespace, collapses blank lines and trims the ends', () => {
    expect(markdownToPlainText('\n\n\nfirst   \n\n\n\nsecond\\\nthird  \n\n\n')).toBe('first\n\nsecond\nthird');
    expect(markdownToPlainText('a\r\nb\rc')).toBe('a\nb\nc');
  });
});
