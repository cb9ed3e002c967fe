/**
 * The fix engine: pure functions over a text and fixable messages, with no unified
 * dependency (ESLint's model).
 *
 * - {@link applyEdits} applies one pass of non-overlapping edits whose `actual` still
 *   matches the source, building the output from slices;
 * - {@link fixLoop} lints, applies, re-lints until the text settles (10 passes at most,
 *   oscillation detected), and returns what was applied and what remains;
 * - {@link unifiedDiff} shows a fix as a unified diff.
 *
 * `src/pipeline/fix-text.ts` (fixText) and `src/pipeline/fix-stage.ts` (the CLI's unified plugin) bridge
 * coquille's vfile messages to this engine.
 */
export {applyEdits, isEligible, type ApplyOptions, type ApplyResult, type FixableMessage, type SkippedEdit, type SkipReason} from './apply.js'
export {fixLoop, type AppliedFix, type FixGuard, type FixLoopOptions, type FixLoopResult, type FixLoopStop, type Lint} from './loop.js'
export {unifiedDiff} from './diff.js'
