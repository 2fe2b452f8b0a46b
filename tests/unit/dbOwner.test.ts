// Who owns the database (docs/ARCHITECTURE.md, "Who owns the database"): the background writes, the options page reads through a
// read-only handle and asks the background for every change, and the import worker is the one named exception
// (lib/db/owner.ts). This test reads the source of every part that runs outside the background and holds it to that.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALL_STORES } from '../../lib/db/schema';
import { DB_OWNER, DIRECT_WRITER, READ_ONLY_OPENER } from '../../lib/db/owner';
import { repoRoot, sourceFiles } from '../support/sourceFiles';

const root = repoRoot;


const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Source text without comments, so that a comment may name what the code may not do. */
const code = (path: string) => read(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
const parsed = new Map<string, ts.SourceFile>();
const parse = (path: string): ts.SourceFile => {
  let source = parsed.get(path);
  if (!source) parsed.set(path, (source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)));
  return source;
};

/** What ships in the extension. */
const SHIPPED = [...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('entrypoints')];
/** Everything that runs outside the background: the options page, the sidebar, the content scripts. */
const NOT_THE_OWNER = [...sourceFiles('components'), ...sourceFiles('entrypoints')].filter((path) => path !== DB_OWNER);
/**
 * The options page, whose settings (self-hosted CRMs, …) the background stores too. A content script keeps its own
 * sidebar's collapsed state in extension storage; that is the sidebar's, not a setting of the user's data.
 */
const OPTIONS_PAGE = [...sourceFiles('components/options'), ...sourceFiles('entrypoints/options')];

/**
 * A reader still typed with the writable `Db` (its module is being rewritten elsewhere): the options page passes it
 * its read-only handle in one named place. Remove the entry, and the cast in that place, once the reader takes a
 * ReadOnlyDb; the last test below says when.
 */
const READERS_TYPED_WRITABLE = [{ name: 'loadBook', module: 'lib/service/accountViews.ts', bridge: 'components/options/backend.ts' }];

function calls(path: string, callee: string): number {
  if (!read(path).includes(callee)) return 0;
  let count = 0;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === callee) count++;
    ts.forEachChild(node, visit);
  };
  visit(parse(path));
  return count;
}

interface Import {
  /** The module the specifier resolves to, relative to the root ("lib/db/repo"), or the package name. */
  target: string;
  specifier: string;
  names: { name: string; typeOnly: boolean }[];
}

function importsOf(path: string): Import[] {
  return parse(path).statements.filter(ts.isImportDeclaration).map((declaration) => {
    const specifier = (declaration.moduleSpecifier as ts.StringLiteral).text;
    const target = specifier.startsWith('.') ? normalize(join(dirname(path), specifier.replace(/\?.*$/, ''))).replace(/\.tsx?$/, '') : specifier;
    const clause = declaration.importClause;
    const names: Import['names'] = [];
    if (clause?.name) names.push({ name: clause.name.text, typeOnly: clause.isTypeOnly });
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) names.push({ name: (element.propertyName ?? element.name).text, typeOnly: clause.isTypeOnly || element.isTypeOnly });
    }
    return { target, specifier, names };
  });
}

/** A parameter that takes the writable database or a transaction that may write. */
const WRITABLE_PARAMETER = /\b(Db|IDBPDatabase|IDBTransaction|UpgradeTx)\b|'readwrite'|'versionchange'/;
const STORAGE_WRITE = /\bstorage\.(local|sync|session)\.(set|remove|clear)\(/;

/**
 * Every exported function in lib/ that can write, by name → its module: it takes the writable database (or a
 * transaction that may write) or, with `storage`, it writes extension storage.
 */
function libWriters(kind: 'database' | 'storage' = 'database'): Map<string, string> {
  const writers = new Map<string, string>();
  for (const path of sourceFiles('lib')) {
    const source = parse(path);
    const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const consider = (name: string, fn: ts.SignatureDeclaration & { body?: ts.Node }) => {
      const writes =
        kind === 'database'
          ? fn.parameters.some((p) => p.type && WRITABLE_PARAMETER.test(p.type.getText(source)))
          : fn.body !== undefined && STORAGE_WRITE.test(fn.body.getText(source));
      if (writes) writers.set(name, path);
    };
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name) consider(statement.name.text, statement);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) consider(declaration.name.text, init);
        }
      }
    }
  }
  return writers;
}

describe('who owns the database: the background writes, everything else reads or asks', () => {
  it('only the owner and the named import worker open the database for writing (the options page opens it read-only)', () => {
    const openers = SHIPPED.filter((path) => calls(path, 'openKeepAccountDb') > 0).sort();
    expect(openers).toEqual([DB_OWNER, DIRECT_WRITER.module, READ_ONLY_OPENER].sort());
    // Nothing else reaches IndexedDB around lib/db/schema.ts: no openDB of its own, no raw indexedDB.
    expect(SHIPPED.filter((path) => calls(path, 'openDB') > 0)).toEqual(['lib/db/schema.ts']);
    expect(SHIPPED.filter((path) => /\bindexedDB\b/.test(code(path)))).toEqual([]);
  });

  it('no module outside the background calls a write method or opens a read-write transaction; the options page writes no extension storage', () => {
    const store = ALL_STORES.join('|');
    const rules: [string, RegExp][] = [
      ['a read-write transaction', /['"`](readwrite|versionchange)['"`]/],
      ['put()', /\.put\(/],
      ['a write on a store by name', new RegExp(`\\.(add|delete|clear)\\(\\s*['"\`](${store})['"\`]`)],
      ['a write on an object store', /objectStore\([^)]*\)\s*\.(put|add|delete|clear)\(/],
      ['a schema change', /\.(createObjectStore|deleteObjectStore|createIndex|deleteIndex|deleteDatabase)\(/],
    ];
    const offenders = NOT_THE_OWNER.flatMap((path) => {
      const text = code(path);
      return rules.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${path}: ${what}`);
    });
    expect(offenders).toEqual([]);
    expect(OPTIONS_PAGE.filter((path) => STORAGE_WRITE.test(code(path))).map((path) => `${path}: a write to extension storage`)).toEqual([]);
  });

  it('no module outside the background imports a lib function that writes the database, the writable Db, or idb', () => {
    const writers = libWriters();
    // The detector finds the writers it must (so that an empty list is not mistaken for a clean tree).
    expect([...writers.keys()]).toEqual(
      expect.arrayContaining(['restoreBackup', 'savePlaybooks', 'saveMapping', 'deleteAccount', 'deleteEverything', 'recordQuestionAsked', 'saveScores', 'commitImport', 'rescoreAll']),
    );
    const offenders = NOT_THE_OWNER.flatMap((path) =>
      importsOf(path).flatMap(({ target, specifier, names }) => {
        if (target === 'idb') return [`${path}: imports idb`];
        if (!target.startsWith('lib/')) return [];
        return names.flatMap(({ name, typeOnly }) => {
          if (target === 'lib/db/schema' && ['Db', 'KeepAccountDB', 'openKeepAccountDb', 'UpgradeTx'].includes(name)) return [`${path}: imports ${name} from ${specifier}`];
          if (typeOnly || !writers.has(name)) return [];
          if (READERS_TYPED_WRITABLE.some((r) => r.name === name && r.bridge === path)) return [];
          return [`${path}: imports ${name} (${writers.get(name)}), which writes`];
        });
      }),
    );
    expect(offenders).toEqual([]);
  });

  it('the options page imports no lib function that writes extension storage: settings are saved by the background too', () => {
    const writers = libWriters('storage');
    expect([...writers.keys()]).toContain('addSelfHostedCrm');
    const offenders = OPTIONS_PAGE.flatMap((path) =>
      importsOf(path).flatMap(({ target, names }) =>
        target.startsWith('lib/') ? names.filter((n) => !n.typeOnly && writers.has(n.name)).map((n) => `${path}: imports ${n.name} (${writers.get(n.name)}), which writes storage`) : [],
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('the import worker, the one other writer, is started from the one named place', () => {
    const starters = NOT_THE_OWNER.filter((path) => importsOf(path).some((i) => i.target === DIRECT_WRITER.module.replace(/\.ts$/, '') && i.specifier.endsWith('?worker')));
    expect(starters).toEqual([DIRECT_WRITER.startedBy]);
    // Nothing else imports the worker's module as code (a type import of its messages is fine).
    const importers = SHIPPED.filter((path) =>
      importsOf(path).some((i) => i.target === DIRECT_WRITER.module.replace(/\.ts$/, '') && !i.specifier.endsWith('?worker') && i.names.some((n) => !n.typeOnly)),
    );
    expect(importers).toEqual([]);
    // It is what the exception says: it opens the database itself and commits the parsed file there.
    expect(calls(DIRECT_WRITER.module, 'openKeepAccountDb')).toBe(1);
    expect(calls(DIRECT_WRITER.module, 'commitImport')).toBe(1);
  });

  it('the read-only bridges are still needed: each reader named above still takes the writable Db', () => {
    for (const { name, module, bridge } of READERS_TYPED_WRITABLE) {
      expect(libWriters().get(name), `${name} now takes a ReadOnlyDb: drop it from READERS_TYPED_WRITABLE and the cast in ${bridge}`).toBe(module);
      expect(importsOf(bridge).some((i) => i.target === module.replace(/\.ts$/, '') && i.names.some((n) => n.name === name))).toBe(true);
    }
  });
});
