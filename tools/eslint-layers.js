// Enforces DEVELOPERS.md's one-way layering: each layer imports only the layers below it, and features never
// import one another. Paths are resolved, so `../../core/x` and deep relative hops are judged alike.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** Which layers each layer may import (besides itself). */
const ALLOWED = {
  core: [],
  // Presentational React pieces with no domain knowledge (dialogs, …), shared by features and the app.
  ui: [],
  installers: ['core'],
  github: ['core'],
  document: ['core'],
  features: ['core', 'installers', 'github', 'document', 'ui'],
  app: ['core', 'installers', 'github', 'document', 'features', 'ui'],
  cli: ['core'],
};
const NO_REACT = new Set(['core', 'installers', 'github', 'cli']);

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..')) return undefined;
  const [layer, feature] = rel.split(path.sep);
  return layer in ALLOWED ? { layer, feature: layer === 'features' ? feature : undefined } : undefined;
}

export default {
  rules: {
    'one-way': {
      meta: { type: 'problem', schema: [], messages: { bad: '{{from}} may not import {{to}} ({{why}}).' } },
      create(context) {
        const file = context.filename;
        const from = layerOf(file);
        if (!from) return {};
        function check(node, spec) {
          if (typeof spec !== 'string') return;
          if (NO_REACT.has(from.layer) && /^react(-dom)?(\/|$)/.test(spec)) {
            context.report({ node, messageId: 'bad', data: { from: from.layer, to: spec, why: 'no React below features' } });
            return;
          }
          if (!spec.startsWith('.')) return;
          const to = layerOf(path.resolve(path.dirname(file), spec));
          if (!to || to.layer === from.layer && to.feature === from.feature) return;
          if (to.layer === 'features' && from.layer === 'features') {
            context.report({ node, messageId: 'bad', data: { from: `features/${from.feature}`, to: `features/${to.feature}`, why: 'features never import each other; share through src/document' } });
          } else if (to.layer !== from.layer && !ALLOWED[from.layer].includes(to.layer)) {
            context.report({ node, messageId: 'bad', data: { from: from.layer, to: to.layer, why: 'imports go down the layers only' } });
          }
        }
        return {
          ImportDeclaration: (n) => check(n, n.source.value),
          ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
          ExportAllDeclaration: (n) => check(n, n.source.value),
          ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
        };
      },
    },
  },
};
