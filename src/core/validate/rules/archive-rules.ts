/** §E rules 16 (portable) and 17 (archives): commands, ARP entries, scope, and the files inside a zip. */
import type { Finding } from '../../findings';
import { asRaw, clientMessage, list, text, type Rule, type RuleContext } from './rule-context';
import { reportAt, type EffectiveInstaller } from './effective-installers';
import { checkedInstallers } from './installer-rules';
import { escapesBaseDirectory, extensionOf } from './path-checks';

const ALIAS_ESCAPES = 'Portable command alias must not point to a location outside of base directory.';

export const portableRule: Rule = {
  id: 'portable-installer',
  severity: 'mixed',
  fullOnly: false,
  run: (ctx) => checkedInstallers(ctx).flatMap((inst) => portableFindings(ctx, inst)),
};

function portableFindings(ctx: RuleContext, inst: EffectiveInstaller): Finding[] {
  const id = 'portable-installer';
  const out: Finding[] = [];
  if (inst.baseType === 'portable') {
    const commands = list(inst.values['Commands']);
    if (commands.length > 1) {
      out.push(reportAt(ctx, inst, id, 'error', 'Only zero or one value for Commands may be specified for InstallerType portable.', 'Commands'));
    } else if (commands.length === 1 && escapesBaseDirectory(text(commands[0]))) {
      out.push(reportAt(ctx, inst, id, 'error', clientMessage(ALIAS_ESCAPES, 'Commands', text(commands[0])), 'Commands', 0));
    }
  }
  if (inst.effectiveType === 'portable') {
    if (list(inst.values['AppsAndFeaturesEntries']).length > 1) {
      const message = 'Only zero or one entry for Apps and Features may be specified for InstallerType portable.';
      out.push(reportAt(ctx, inst, id, 'error', message, 'AppsAndFeaturesEntries'));
    }
    const scope = text(inst.values['Scope']).toLowerCase();
    if (scope === 'user' || scope === 'machine') {
      out.push(reportAt(ctx, inst, id, 'warning', 'Scope is not supported for InstallerType portable. Remove Scope.', 'Scope'));
    }
  }
  return out;
}

const FONT_EXTENSIONS = new Set(['.otf', '.ttf', '.fnt', '.ttc', '.otc']);

export const archiveRule: Rule = {
  id: 'archive-nested-installer',
  severity: 'error',
  fullOnly: false,
  run: (ctx) => checkedInstallers(ctx).flatMap((inst) => (inst.baseType === 'zip' ? archiveFindings(ctx, inst) : [])),
};

function archiveFindings(ctx: RuleContext, inst: EffectiveInstaller): Finding[] {
  const id = 'archive-nested-installer';
  const out: Finding[] = [];
  const files = list(inst.values['NestedInstallerFiles']);
  const nested = inst.nestedType;
  if (nested === 'unknown') {
    out.push(reportAt(ctx, inst, id, 'error', 'Required field missing. [NestedInstallerType]', 'NestedInstallerType'));
  }
  if (files.length === 0) {
    out.push(reportAt(ctx, inst, id, 'error', 'Required field missing. [NestedInstallerFiles]', 'NestedInstallerFiles'));
  }
  if (nested !== 'portable' && nested !== 'font' && files.length !== 1) {
    const message = clientMessage('Only one entry for NestedInstallerFiles can be specified for non-portable InstallerTypes.', 'NestedInstallerFiles');
    out.push(reportAt(ctx, inst, id, 'error', message, 'NestedInstallerFiles'));
  }
  const paths = new Set<string>();
  const aliases = new Set<string>();
  for (let j = 0; j < files.length; j++) {
    const file = asRaw(files[j]) ?? {};
    const at = (message: string, key?: string): Finding =>
      reportAt(ctx, inst, id, 'error', message, 'NestedInstallerFiles', j, ...(key ? [key] : []));
    const path = text(file['RelativeFilePath']);
    if (path === '') {
      out.push(at('Required field missing. [RelativeFilePath]'));
      break;
    }
    if (escapesBaseDirectory(path)) {
      out.push(at(clientMessage('Relative file path must not point to a location outside of archive directory.', 'RelativeFilePath', path), 'RelativeFilePath'));
    }
    if (paths.has(path.toLowerCase())) out.push(at(clientMessage('Duplicate relative file path found.', 'RelativeFilePath', path), 'RelativeFilePath'));
    paths.add(path.toLowerCase());

    const extension = extensionOf(path);
    if (ctx.full && nested === 'portable' && extension !== '' && extension !== '.exe') {
      out.push(at(clientMessage('The file type of the referenced file is not allowed.', 'RelativeFilePath', path, 'Portable files must be .exe.'), 'RelativeFilePath'));
    }
    if (nested === 'font' && extension !== '' && !FONT_EXTENSIONS.has(extension)) {
      out.push(at(clientMessage('The file type of the referenced file is not a supported font file type.', 'RelativeFilePath', path), 'RelativeFilePath'));
    }

    const alias = text(file['PortableCommandAlias']);
    if (alias === '') continue;
    if (escapesBaseDirectory(alias)) out.push(at(clientMessage(ALIAS_ESCAPES, 'PortableCommandAlias', alias), 'PortableCommandAlias'));
    if (aliases.has(alias.toLowerCase())) {
      out.push(at(clientMessage('Duplicate portable command alias found.', 'PortableCommandAlias', alias), 'PortableCommandAlias'));
      break;
    }
    aliases.add(alias.toLowerCase());
  }
  return out;
}

export const archiveRules: readonly Rule[] = [portableRule, archiveRule];
