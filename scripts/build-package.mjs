/**
 * Builds the package in the current folder: tsc writes the declarations, esbuild bundles the code.
 *
 * Why bundle: a scan's start-up loaded ~135 small modules, and Node's ESM loader spent about 0.12 s
 * resolving, reading and compiling them, as long as `find` takes over 100,000 files. One module per
 * entry point (plus shared chunks, and a chunk per lazily imported file) starts in a fraction of that.
 *
 * Each package is bundled on its own; the other @astrotrack packages and third-party dependencies
 * stay imports, so a plugin importing @astrotrack/core shares the CLI's copy. The entry points are
 * read from package.json `exports` (`./dist/x.js` is built from `src/x.ts`), plus any source files
 * named on the command line (the CLI's `src/cli.ts`, which only bin.cjs imports). A dependency
 * named with `--bundle` is bundled in instead, tree-shaken (core's zod: src/zod.ts says why).
 *
 *   node ../../scripts/build-package.mjs [--bundle dependency ...] [src/extra-entry.ts ...]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const packageDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

rmSync(join(packageDir, 'dist'), { recursive: true, force: true });

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  cwd: packageDir,
  stdio: 'inherit',
});

const exported = Object.values(manifest.exports ?? {})
  .map((target) => (typeof target === 'string' ? target : target.default))
  .filter((target) => target.startsWith('./dist/') && target.endsWith('.js'))
  .map((target) => target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));
const { values, positionals } = parseArgs({
  options: { bundle: { type: 'string', multiple: true, default: [] } },
  allowPositionals: true,
});
const bundled = new Set(values.bundle);
const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const entryPoints = [...new Set([...exported, ...positionals])].map((source) => ({
  in: source,
  out: source.replace(/^src\//, '').replace(/\.ts$/, ''),
}));

await build({
  absWorkingDir: packageDir,
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  ...(bundled.size === 0 ? { packages: 'external' } : { external }),
  // Chunks sit beside the entry points, so paths relative to a module (../package.json) hold in both.
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
