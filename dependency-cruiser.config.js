// The layer rules, checked by dependency-cruiser (a real resolver: nested folders, `import type`
// and dynamic `import()` all count) in `npm run lint` (lint:layers) and in test/architecture.test.ts.
// docs/architecture.md draws this map.

/**
 * Each folder of src/ and its layer: a module may import from its own layer or one further in
 * (a lower number), never outward. Files directly in src/ (errors.ts) are layer 0.
 */
export const LAYERS = {
  cli: 8,
  app: 7,
  bot: 6,
  render: 5,
  answer: 4,
  eval: 4,
  retrieval: 3,
  index: 2,
  embedding: 2,
  chunking: 1,
  language: 1,
  store: 1,
  wikipedia: 1,
  corpus: 0,
  text: 0,
  dictd: 0,
  config: 0,
  logging: 0,
};

/** Each library and the only files that may import it (its adapter). */
export const ADAPTERS = {
  'discord.js': '^src/(bot|app)/',
  '@xenova/transformers': '^src/embedding/TransformersEmbedder[.]ts$',
  'hnswlib-node': '^src/index/HnswIndex[.]ts$',
  'better-sqlite3': '^src/store/',
  wtf_wikipedia: '^src/wikipedia/parseWikitext[.]ts$',
};

const folders = (names) => `^src/(${names.join('|')})/`;

const outward = Object.entries(LAYERS).flatMap(([layer, rank]) => {
  const further = Object.keys(LAYERS).filter((other) => LAYERS[other] > rank);
  return further.length === 0
    ? []
    : [
        {
          name: `layer-${layer}`,
          comment: `src/${layer}/ (layer ${rank}) imports only from its own layer or further in`,
          severity: 'error',
          from: { path: `^src/${layer}/` },
          to: { path: folders(further) },
        },
      ];
});

const adapters = Object.entries(ADAPTERS).map(([library, owner]) => ({
  name: `adapter-${library}`,
  comment: `${library} is used only behind its adapter (${owner})`,
  severity: 'error',
  from: { pathNot: owner },
  to: { path: `(^|/)node_modules/${library.replace('.', '[.]')}/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...outward,
    {
      name: 'layer-root',
      comment: 'files directly in src/ (layer 0) import no layer folder',
      severity: 'error',
      from: { path: '^src/[^/]+$' },
      to: { path: '^src/[^/]+/' },
    },
    {
      name: 'src-stays-in-src',
      comment: 'src/ imports nothing from bench/, scripts/ or test/',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|scripts|test)/' },
    },
    {
      name: 'unknown-folder',
      comment: 'every folder of src/ has a layer in LAYERS (a module there that imports anything)',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: folders(Object.keys(LAYERS)) },
      to: {},
    },
    {
      name: 'unknown-folder-imported',
      comment: 'every folder of src/ has a layer in LAYERS (a module there that anything imports)',
      severity: 'error',
      from: {},
      to: { path: '^src/[^/]+/', pathNot: folders(Object.keys(LAYERS)) },
    },
    {
      name: 'not-resolvable',
      comment: 'an import that resolves to no file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...adapters,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|models|corpus|test/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.json'],
    },
  },
};
