import { PLAYBOOK_FILE_FORMAT, PlaybookFile, type Playbook } from '../model/playbook';
import { describeIssue, pathText } from './issues';

// The file a manager shares with the team: JSON, { format: "keep-account/playbooks", version: 1, playbooks }
// (schema PlaybookFile in lib/model/playbook.ts).

export const PLAYBOOK_FILE_VERSION = 1;
const MAX_ERRORS_SHOWN = 5;

export function exportPlaybookFile(playbooks: readonly Playbook[], options: { exportedAt?: string } = {}): string {
  const file: PlaybookFile = {
    format: PLAYBOOK_FILE_FORMAT,
    version: PLAYBOOK_FILE_VERSION,
    ...(options.exportedAt ? { exportedAt: options.exportedAt } : {}),
    playbooks: playbooks.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      enabled: p.enabled,
      questions: p.questions.map((q) => ({
        id: q.id,
        text: q.text,
        signals: [...q.signals],
        priority: q.priority,
        ...(q.tags ? { tags: [...q.tags] } : {}),
        enabled: q.enabled,
      })),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function duplicateIds(file: PlaybookFile): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  file.playbooks.forEach((playbook, index) => {
    const first = seen.get(playbook.id);
    if (first !== undefined) problems.push(`${pathText(['playbooks', index, 'id'])}: duplicate playbook id "${playbook.id}" (also playbooks[${first}])`);
    else seen.set(playbook.id, index);
    const questionIds = new Map<string, number>();
    playbook.questions.forEach((question, q) => {
      const firstQuestion = questionIds.get(question.id);
      if (firstQuestion !== undefined) {
        problems.push(
          `${pathText(['playbooks', index, 'questions', q, 'id'])}: duplicate question id "${question.id}" (also questions[${firstQuestion}])`,
        );
      } else questionIds.set(question.id, q);
    });
  });
  return problems;
}

function summary(problems: string[]): string {
  const more = problems.length - MAX_ERRORS_SHOWN;
  return problems.slice(0, MAX_ERRORS_SHOWN).join('\n') + (more > 0 ? `\n...and ${more} more` : '');
}

/** A playbook file, or a message naming each problem and where it is. */
export function parsePlaybookFile(text: string): { ok: true; file: PlaybookFile } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `not a JSON file: ${(error as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: `not a playbook file: expected an object with format "${PLAYBOOK_FILE_FORMAT}"` };
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== PLAYBOOK_FILE_FORMAT) {
    return { ok: false, error: `format: expected "${PLAYBOOK_FILE_FORMAT}", got ${JSON.stringify(header.format) ?? 'nothing'}` };
  }
  if (header.version !== PLAYBOOK_FILE_VERSION) {
    return {
      ok: false,
      error: `version: version ${JSON.stringify(header.version) ?? 'missing'} is not supported; this version of Keep Account reads version ${PLAYBOOK_FILE_VERSION}`,
    };
  }
  const parsed = PlaybookFile.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, error: summary(parsed.error.issues.map((issue) => describeIssue(issue))) };
  const duplicates = duplicateIds(parsed.data);
  if (duplicates.length > 0) return { ok: false, error: summary(duplicates) };
  return { ok: true, file: parsed.data };
}

/** Imported playbooks replace existing ones with the same id, in place; new ones are appended. */
export function mergeImportedPlaybooks(existing: readonly Playbook[], imported: readonly Playbook[]): Playbook[] {
  const incoming = new Map(imported.map((p) => [p.id, p]));
  const merged = existing.map((p) => incoming.get(p.id) ?? p);
  const known = new Set(existing.map((p) => p.id));
  for (const p of incoming.values()) if (!known.has(p.id)) merged.push(p);
  return merged;
}
