// The layers of src/ as an ESLint rule, so `npm run lint` fails on an import across them:
// a feature (features/<name>/) imports only from its own folder and from shared code
// (shared/, ui/, api/, auth/, routing/, theme/, test/); shared code never imports a
// feature or the app shell (pages/, layout/, routes.tsx); and ui/, the generic parts,
// does not import shared/ either. The shell and test/ may import anything.
import path from 'node:path';

const SRC = path.join(import.meta.dirname, '..', 'src');
const SHELL = new Set(['pages', 'layout', 'routes.tsx', 'App.tsx', 'main.tsx']);
const SHARED = new Set(['shared', 'ui', 'api', 'auth', 'routing', 'theme', 'config.ts', 'queryClient.ts']);

/** Where a file lies: its top folder under src/ (its area too in features/ and shared/). */
function placeOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, area] = relative.split(path.sep);
  const grouped = (top === 'features' || top === 'shared') && area !== undefined;
  return { top, area: grouped ? area : null, name: grouped ? `${top}/${area}` : top };
}

/** Why `from` may not import `to`, or null when it may. */
function refusal(from, to) {
  if (from.top === 'features' && to.top === 'features' && from.area !== to.area) {
    return `${from.name} may not import another feature (${to.name}): move what both use to src/shared/ or src/ui/, or merge the two features.`;
  }
  const low = from.top === 'features' || SHARED.has(from.top);
  if (low && SHELL.has(to.top)) return `${from.name} may not import the app shell (${to.name}).`;
  if (SHARED.has(from.top) && to.top === 'features') return `${from.name} is shared code and may not import a feature (${to.name}).`;
  if (from.top === 'ui' && to.top === 'shared') return `ui/ holds generic parts and may not import ${to.name}: move the part to shared/.`;
  return null;
}

export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps features apart and shared code below them (see ARCHITECTURE.md, frontend).' },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    if (!from) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = placeOf(path.resolve(path.dirname(context.filename), source.value));
      const message = to && refusal(from, to);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportAllDeclaration: check,
      ExportNamedDeclaration: check,
      ImportExpression: check,
    };
  },
};
