/**
 * Findings as the people reading them count problems: one missing PackageIdentifier is one problem, even though
 * each of the three files that lack it has its own finding. And where each check comes from: the winget client
 * itself (`winget validate`), or the community repository's pipeline and policies, which add their own.
 */
import type { Finding, Severity } from '../findings';
import { ruleInfo, type Origin } from './catalog';

export type { Origin } from './catalog';

/** Rule id prefixes of checks the client does not make: the winget-pkgs pipeline, its policies, this app's own. */
const COMMUNITY_PREFIXES = ['community-', 'header-', 'installers-', 'github-'];

/** The label winget-pkgs' bots would set for a finding of this rule, if one is known. */
export function labelOfRule(rule: string): string | undefined {
  return ruleInfo(rule)?.label;
}

/** A hint (the catalog's `hint`): shown as a warning, but nothing the pipeline would reject. */
export function isHintRule(rule: string): boolean {
  return ruleInfo(rule)?.hint === true;
}

/** The catalog's origin of a rule; for an id the catalog does not list (a session finding), judged by its prefix. */
export function originOfRule(rule: string): Origin {
  return ruleInfo(rule)?.origin ?? (COMMUNITY_PREFIXES.some((prefix) => rule.startsWith(prefix)) ? 'community' : 'winget');
}

export interface Problem {
  severity: Severity;
  rule: string;
  origin: Origin;
  field: string;
  message: string;
  /** One finding per file it occurs in, in the order validation gave them; the first is where a click goes. */
  findings: Finding[];
}

/**
 * Groups findings that say the same thing (severity, rule, field, message) in different files. Two findings in
 * the same file stay apart: they are two places to fix.
 */
export function groupProblems(findings: readonly Finding[]): Problem[] {
  const problems: Problem[] = [];
  const open = new Map<string, Problem[]>();
  for (const finding of findings) {
    const key = `${finding.severity}\u0000${finding.rule}\u0000${finding.field}\u0000${finding.message}`;
    const candidates = open.get(key) ?? [];
    let problem = candidates.find((p) => !p.findings.some((f) => f.file === finding.file));
    if (!problem) {
      problem = { severity: finding.severity, rule: finding.rule, origin: originOfRule(finding.rule), field: finding.field, message: finding.message, findings: [] };
      candidates.push(problem);
      open.set(key, candidates);
      problems.push(problem);
    }
    problem.findings.push(finding);
  }
  return problems;
}
