// `npm run bench`: prints every speed and size figure against its target. Figures, never pass/fail assertions.
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function print(area: string, figures: Figure[]) {
  console.log(`\n## ${area}`);
  for (const f of figures) {
    const value = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1);
    console.log(`  ${f.name.padEnd(64)} ${value.padStart(10)} ${f.unit.padEnd(6)} ${f.target ? `(target ${f.target})` : ''}`);
  }
}

async function main() {
  const areas = readdirSync(join(root, 'scripts/bench'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((area) => only.length === 0 || only.includes(area));
  // Browser figures must measure the code as it is: build first (skip with --no-build when the build is fresh).
  const outDir = process.env.KA_OUT_DIR ?? '.output';
  if (!process.argv.includes('--no-build') || !existsSync(join(root, outDir, 'chrome-mv3/manifest.json'))) {
    console.log(`Building the extension into ${outDir}/ …`);
    execSync('npx wxt build', { cwd: root, stdio: 'ignore' });
  }
  for (const area of areas) {
    const started = performance.now();
    try {
      const module = (await import(join(root, 'scripts/bench', `${area}.ts`))) as { bench(): Promise<Figure[]> };
      print(area, await module.bench());
    } catch (error) {
      console.log(`\n## ${area}\n  failed: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = 1;
    }
    console.log(`  (${area} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

await main();
