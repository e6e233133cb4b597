/** §E rules 15, 25 and 26: installer switches after root/installer merging and the client's default switches. */
import type { Finding } from '../../findings';
import { clientMessage, type Rule } from './rule-context';
import { reportAt, reportAtSwitch } from './effective-installers';
import { checkedInstallers } from './installer-rules';
import { checkMsiSwitch } from './msi-switches';

export const exeSilentSwitchesRule: Rule = {
  id: 'exe-silent-switches-missing',
  severity: 'warning',
  fullOnly: false,
  run: (ctx) =>
    checkedInstallers(ctx).flatMap((inst) => {
      if (inst.effectiveType !== 'exe' || (inst.switches.has('Silent') && inst.switches.has('SilentWithProgress'))) return [];
      const message =
        'Silent and SilentWithProgress switches are not specified for InstallerType exe. Please make sure the installer can run unattended.';
      return [reportAt(ctx, inst, 'exe-silent-switches-missing', 'warning', message, 'InstallerSwitches')];
    }),
};

export const msiSwitchesRule: Rule = {
  id: 'msi-switches-invalid',
  severity: 'error',
  fullOnly: true,
  run(ctx) {
    if (!ctx.full) return [];
    const out: Finding[] = [];
    for (const inst of checkedInstallers(ctx)) {
      if (inst.effectiveType !== 'msi' && inst.effectiveType !== 'wix') continue;
      for (const [key, { value }] of inst.switches) {
        const check = checkMsiSwitch(value);
        if (!check.valid) {
          const hint = 'winget passes these to msiexec; use /q…, /l… <file>, /quiet, /passive, /norestart, /log <file> or NAME=value.';
          out.push(reportAtSwitch(ctx, inst, 'msi-switches-invalid', 'error', clientMessage('Contains invalid MSI switches.', key, value, hint), key));
        }
        for (const name of check.blocked) {
          out.push(reportAtSwitch(ctx, inst, 'msi-switches-invalid', 'error', clientMessage('Contains a blocked MSI property.', name), key));
        }
      }
    }
    return out;
  },
};

export const networkAddressRule: Rule = {
  id: 'switch-network-address',
  severity: 'mixed',
  fullOnly: true,
  run(ctx) {
    if (!ctx.full) return [];
    const out: Finding[] = [];
    const urlSeverity = ctx.errorOnNetworkAddress ? 'error' : 'warning';
    for (const inst of checkedInstallers(ctx)) {
      for (const [key, { value }] of inst.switches) {
        const message = clientMessage('Installer switch contains network address.', key, value);
        if (value.includes('\\\\')) {
          out.push(reportAtSwitch(ctx, inst, 'switch-network-address', 'error', `${message} Switches must not refer to UNC paths.`, key));
        } else if (/(?:https?|ftp):\/\//i.test(value)) {
          out.push(reportAtSwitch(ctx, inst, 'switch-network-address', urlSeverity, message, key));
        }
      }
    }
    return out;
  },
};

export const switchRules: readonly Rule[] = [exeSilentSwitchesRule, msiSwitchesRule, networkAddressRule];
