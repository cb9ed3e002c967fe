/**
 * Applying fixes, ESLint's model: an edit is a range of the original source and a
 * replacement. An edit is kept only if the source under it still equals the message's
 * `actual`; edits that overlap (or insert at the same point as) a kept one wait for the
 * next pass. The output is built in one linear pass of slices.
 */

/** What the engine needs of a message (coquille's messages convert with `toFixable`). */
export interface FixableMessage {
  readonly ruleId: string
  /** UTF-16 offsets into the source the message was made on; start === end inserts. */
  readonly start: number
  readonly end: number
  /** `source.slice(start, end)` when the message was made. */
  readonly actual: string
  /** Replacements, best first; `''` deletes. */
  readonly expected: readonly string[]
  /** Applied by default; suggestions only when `include` accepts them. */
  readonly safe: boolean
}

export interface ApplyOptions {
  /** Also apply suggestions this predicate accepts (by rule id, family…). */
  readonly include?: (message: FixableMessage) => boolean
}

export interface ApplyResult {
  readonly output: string
  readonly applied: FixableMessage[]
  /** Eligible messages not applied this pass: overlapping, stale or out of range. */
  readonly skipped: FixableMessage[]
}

export function isEligible(message: FixableMessage, options: ApplyOptions = {}): boolean {
  if (message.expected.length === 0) return false
  return message.safe || (options.include?.(message) ?? false)
}

export function applyEdits(source: string, messages: readonly FixableMessage[], options: ApplyOptions = {}): ApplyResult {
  const candidates = messages.filter((message) => isEligible(message, options))
  const valid: FixableMessage[] = []
  const skipped: FixableMessage[] = []
  for (const message of candidates) {
    const inRange =
      Number.isInteger(message.start) &&
      Number.isInteger(message.end) &&
      message.start >= 0 &&
      message.start <= message.end &&
      message.end <= source.length
    if (inRange && source.slice(message.start, message.end) === message.actual && message.expected[0] !== message.actual) {
      valid.push(message)
    } else {
      skipped.push(message)
    }
  }
  // Stable order: by start, then by end (insertions before replacements at one point).
  valid.sort((a, b) => a.start - b.start || a.end - b.end)
  const applied: FixableMessage[] = []
  const parts: string[] = []
  let cursor = 0
  let lastEnd = -1
  let lastStart = -1
  for (const message of valid) {
    // Overlap, or touching an insertion point already used: wait for the next pass.
    const touchesInsertion = message.start === lastEnd && (message.start === message.end || lastStart === lastEnd)
    if (message.start < lastEnd || touchesInsertion) {
      skipped.push(message)
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
