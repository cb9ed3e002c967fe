/**
 * The fix loop: lint, apply, re-lint, repeat until nothing applies or 10 passes; report
 * what remains. An output seen before (two fixes undoing each other) stops the loop.
 */
import {applyEdits, isEligible, type ApplyOptions, type FixableMessage} from './apply.js'

export interface FixLoopOptions extends ApplyOptions {
  readonly maxPasses?: number
}

export interface AppliedFix extends FixableMessage {
  readonly pass: number
}

export interface FixLoopResult {
  readonly output: string
  readonly passes: number
  readonly applied: AppliedFix[]
  /** Messages of the final lint (of `output`). */
  readonly remaining: FixableMessage[]
}

export function fixLoop(source: string, lint: (text: string) => FixableMessage[], options: FixLoopOptions = {}): FixLoopResult {
  const maxPasses = options.maxPasses ?? 10
  const seen = new Set([source])
  const applied: AppliedFix[] = []
  let text = source
  let messages = lint(text)
  let passes = 0
  while (passes < maxPasses && messages.some((message) => isEligible(message, options))) {
    const result = applyEdits(text, messages, options)
    if (result.applied.length === 0 || result.output === text) break
    passes++
    for (const message of result.applied) applied.push({...message, pass: passes})
    if (seen.has(result.output)) {
      // Oscillation: keep the last distinct text and stop.
      text = result.output
      messages = lint(text)
      break
    }
    seen.add(result.output)
    text = result.output
    messages = lint(text)
  }
  return {output: text, passes, applied, remaining: messages}
}
