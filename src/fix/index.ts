/** The fix engine: pure functions over text and fixable messages (no unified dependency). */
export {applyEdits, isEligible, type ApplyOptions, type ApplyResult, type FixableMessage} from './apply.js'
export {fixLoop, type AppliedFix, type FixLoopOptions, type FixLoopResult} from './loop.js'
export {unifiedDiff} from './diff.js'
