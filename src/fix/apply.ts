/**
 * Applying fixes, ESLint's model: an edit is a range of the original source and a
 * replacement. An edit is kept only if the source under it still equals the message's
 * `actual`; edits that overlap (or insert at the same point as) a kept one wait for the
 * next pass. The output is built in one linear pass of slices, so a character outside the
 * kept edits is never changed.
 */

/** What the engine needs of a message (coquille's vfile messages convert with `toFixable`). */
export interface FixableMessage {
  readonly ruleId: string
  /** UTF-16 offset in the source the message was made on (inclusive). */
  readonly start: number
  /** UTF-16 offset (exclusive); `start === end` inserts. */
  readonly end: number
  /** `source.slice(start, end)` when the message was made. */
  readonly actual: string
  /** Replacements for `[start, end)`, best first; `''` deletes. Only the first is applied. */
  readonly expected: readonly string[]
  /** `true`: applied by default; `false`: a suggestion, applied only when `include` accepts it. */
  readonly safe: boolean
}

export interface ApplyOptions {
  /** Also apply the suggestions this predicate accepts (by rule id, family…). */
  readonly include?: (message: FixableMessage) => boolean
}

/**
 * Why an eligible message was not applied:
 * - `invalid`: offsets not integers, out of the source, or `start > end`; or no usable replacement;
 * - `stale`: the source under the range is not the message's `actual` (made on another text);
 * - `no-op`: the replacement equals `actual`;
 * - `splits-surrogate-pair`: a boundary falls inside an astral character (would leave lone surrogates);
 * - `overlap`: overlaps, or inserts at the same point as, an edit kept earlier in this pass.
 *   Only these are worth retrying: the fix loop re-lints and they come back on the new text.
 */
export type SkipReason = 'invalid' | 'stale' | 'no-op' | 'splits-surrogate-pair' | 'overlap'

export interface SkippedEdit {
  readonly message: FixableMessage
  readonly reason: SkipReason
}

export interface ApplyResult {
  readonly output: string
  /** The edits applied, in source order. */
  readonly applied: FixableMessage[]
  /** Eligible messages not applied, with the reason. Ineligible ones appear in neither list. */
  readonly skipped: SkippedEdit[]
}

/** A message the engine may apply: it carries a replacement and is safe or opted in. */
export function isEligible(message: FixableMessage, options: ApplyOptions = {}): boolean {
  if (!Array.isArray(message.expected) || message.expected.length === 0) return false
  return message.safe === true || (options.include?.(message) ?? false)
}

/**
 * Apply the first replacement of every eligible message to `source`, in one pass.
 * Messages that cannot be applied are returned in `skipped`, never partially applied.
 */
export function applyEdits(source: string, messages: readonly FixableMessage[], options: ApplyOptions = {}): ApplyResult {
  const valid: FixableMessage[] = []
  const skipped: SkippedEdit[] = []
  for (const message of messages) {
    if (!isEligible(message, options)) continue
    const reason = rejection(source, message)
    if (reason) skipped.push({message, reason})
    else valid.push(message)
  }
  // By start, then end: at one point an insertion comes before a replacement. The sort is
  // stable, so between two edits of the same range the first message wins.
  valid.sort((a, b) => a.start - b.start || a.end - b.end)
  const applied: FixableMessage[] = []
  const parts: string[] = []
  let cursor = 0
  let lastStart = -1
  let lastEnd = -1
  for (const message of valid) {
    // Two edits meeting at one point are ambiguous when either inserts there (which text
    // comes first?): the later one waits. Two replacements that merely touch are independent.
    const touchesInsertion = message.start === lastEnd && (message.start === message.end || lastStart === lastEnd)
    if (message.start < lastEnd || touchesInsertion) {
      skipped.push({message, reason: 'overlap'})
      continue
    }
    parts.push(source.slice(cursor, message.start), message.expected[0]!)
    cursor = message.end
    lastStart = message.start
    lastEnd = message.end
    applied.push(message)
  }
  parts.push(source.slice(cursor))
  return {output: parts.join(''), applied, skipped}
}

/** Why `message` cannot be applied to `source` at all, or undefined when it can. */
function rejection(source: string, message: FixableMessage): SkipReason | undefined {
  const {start, end, actual} = message
  const replacement = message.expected[0]
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > source.length) return 'invalid'
  if (typeof replacement !== 'string' || typeof actual !== 'string') return 'invalid'
  if (source.slice(start, end) !== actual) return 'stale'
  if (replacement === actual) return 'no-op'
  if (splitsSurrogatePair(source, start) || splitsSurrogatePair(source, end)) return 'splits-surrogate-pair'
  return undefined
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsSurrogatePair(source: string, offset: number): boolean {
  if (offset <= 0 || offset >= source.length) return false
  const before = source.charCodeAt(offset - 1)
  const after = source.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}
