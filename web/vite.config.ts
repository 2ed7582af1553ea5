import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, parseAst } from 'vite';

type Node = { type: string; start: number; end: number; [key: string]: unknown };
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression']);
const MAY_HAVE_EFFECTS = new Set(['CallExpression', 'NewExpression', 'MemberExpression', 'TaggedTemplateExpression']);

/** Whether evaluating the expression may run code (a call, a property read), function bodies left out. */
function mayRunCode(node: Node): boolean {
  if (FUNCTIONS.has(node.type)) return false;
  if (MAY_HAVE_EFFECTS.has(node.type)) return true;
  return Object.values(node).some((child) =>
    (Array.isArray(child) ? child : [child]).some((c) => isNode(c) && mayRunCode(c)),
  );
}

/**
 * The contracts build every zod schema at the top of their modules; the web imports only
 * their constants (statuses, kinds, roles) and small helpers, yet a bundler must keep each
 * `z.object(...)` in case it has side effects, so all of zod (~37 KB gzip) came with the first
 * screens. Wrapping each top-level constant's initialiser in a pure-annotated arrow call lets
 * the bundler drop those the web never reads, then zod itself; a constant the web reads is
 * kept whole. (The contracts hold no top-level statement but declarations: no zod
 * configuration or registry to lose.)
 */
function pureContractConstants(): Plugin {
  return {
    name: 'dircab:pure-contract-constants',
    apply: 'build',
    enforce: 'post',
    transform: {
      filter: { id: /\/contracts\/src\/[^/]+\.ts$/ },
      handler(code) {
        const inits: Node[] = [];
        for (const statement of parseAst(code).body as unknown as Node[]) {
          const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
          if (!isNode(declaration) || declaration.type !== 'VariableDeclaration') continue;
          for (const { init } of declaration.declarations as Node[])
            if (isNode(init) && mayRunCode(init)) inits.push(init);
        }
        let out = code;
        for (const { start, end } of inits.sort((a, b) => b.start - a.start)) {
          out = `${out.slice(0, start)}/*#__PURE__*/ (() => (${out.slice(start, end)}))()${out.slice(end)}`;
        }
        return { code: out, map: null };
      },
    },
  };
}

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react(), pureContractConstants()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Words fetched on demand (i18n/module-dictionaries.ts) in one file each, not one per module:
      // all the English words, and the modules' French words (the first screens' are in the entry).
      output: {
        codeSplitting: {
          groups: [
            { name: 'words-en', test: /\/i18n\/en\.json$/ },
            { name: 'words-fr-modules', test: /\/modules\/.+\/i18n\/fr\.json$/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': {
        target: api,
        // better-auth checks the Origin header against its base URL: present the API's own.
        configure: (proxy) => {
          proxy.on('proxyReq', (req) => req.setHeader('origin', api));
        },
      },
    },
  },
});
