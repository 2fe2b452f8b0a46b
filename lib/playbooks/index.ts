// The question engine: signals in, ranked questions out; default playbooks as data; team policy and files.
export { DEFAULT_PLAYBOOKS, DEFAULT_PLAYBOOK_IDS } from './defaults';
export { detectEmailSignals, extractCompetitor, withoutQuotedReply, type EmailSignalKind } from './phrases';
export { discoveryQuestions, fillQuestionText, REPEAT_AFTER_DAYS, type QuestionContext, type PlaybookVariable } from './questions';
export { effectivePlaybooks, resolvePlaybooks, parseTeamPolicy, canToggle, type EffectivePlaybook, type ResolvedPlaybooks } from './policy';
export { exportPlaybookFile, parsePlaybookFile, mergeImportedPlaybooks, PLAYBOOK_FILE_VERSION } from './files';
