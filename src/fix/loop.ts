/**
 * The fix loop: lint, apply, re-lint, repeat until nothing applies or `maxPasses` passes;
 * report what remains. Edits skipped for overlapping a kept one come back on the re-lint.
 * A pass that would produce a text seen before (fixes undoing each other) is not taken.
 * The lint function may be synchronous or return a promise; the loop follows it.
 */
import {applyEdits, type ApplyOptions, type FixableMessage} from './apply.js'

export interface FixLoopOptions extends ApplyOptions {
  /** Upper bound on apply/re-lint passes (default 10). */
  readonly maxPasses?: number
  /**
   * Whether `after`, `before` with `edits` applied, may be kept (the markup oracle of
   * `markup.ts`). When a pass fails it, its edits are sorted out by halves: the largest
   * set found that passes is kept, the others are dropped.
   */
  readonly guard?: FixGuard
}

export type FixGuard = (before: string, edits: readonly FixableMessage[], after: string) => boolean

/** An applied message, with the pass (1-based) that applied it. */
export interface AppliedFix extends FixableMessage {
  readonly pass: number
}

/**
 * Why the loop stopped: `settled` (no edit applied on the last lint), `max-passes`, or
 * `oscillation` (the next pass would have produced a text seen before; it was not taken).
 */
export type FixLoopStop = 'settled' | 'max-passes' | 'oscillation'

export interface FixLoopResult {
  readonly output: string
  /** Passes taken, i.e. texts produced after the source. */
  readonly passes: number
  readonly applied: AppliedFix[]
  /** Messages of the final lint (of `output`). */
  readonly remaining: FixableMessage[]
  readonly stop: FixLoopStop
}

export type Lint = (text: string) => readonly FixableMessage[] | PromiseLike<readonly FixableMessage[]>

/**
 * Fix `source` with `lint` (which returns the messages of a text). The result is synchronous
 * when `lint` is, a promise when `lint` returns one. `lint` is called once per text, and its
 * last call is always on `output` (callers may keep richer results of that call).
 */
export function fixLoop(source: string, lint: (text: string) => readonly FixableMessage[], options?: FixLoopOptions): FixLoopResult
export function fixLoop(source: string, lint: (text: string) => PromiseLike<readonly FixableMessage[]>, options?: FixLoopOptions): Promise<FixLoopResult>
export function fixLoop(source: string, lint: Lint, options?: FixLoopOptions): FixLoopResult | Promise<FixLoopResult>
export function fixLoop(source: string, lint: Lint, options: FixLoopOptions = {}): FixLoopResult | Promise<FixLoopResult> {
  const steps = loopSteps(source, options)
  let step = steps.next()
  while (!step.done) {
    const messages = lint(step.value)
    if (isPromiseLike(messages)) return finishAsync(steps, lint, messages)
    step = steps.next(messages)
  }
  return step.value
}

/** The loop itself, written once: it yields each text to lint and receives its messages. */
function* loopSteps(source: string, options: FixLoopOptions): Generator<string, FixLoopResult, readonly FixableMessage[]> {
  const maxPasses = options.maxPasses ?? 10
  const seen = new Set([source])
  const applied: AppliedFix[] = []
  let text = source
  let messages = yield text
  let passes = 0
  let stop: FixLoopStop = 'settled'
  for (;;) {
    let result: {output: string; applied: FixableMessage[]} = applyEdits(text, messages, options)
    if (options.guard && result.applied.length > 0 && !options.guard(text, result.applied, result.output)) {
      result = guardedSubset(text, result.applied, options.guard)
    }
    if (result.applied.length === 0) break
    if (passes >= maxPasses) {
      stop = 'max-passes'
      break
    }
    if (seen.has(result.output)) {
      stop = 'oscillation'
      break
    }
    passes++
    seen.add(result.output)
    for (const message of result.applied) applied.push({...message, pass: passes})
    text = result.output
    messages = yield text
  }
  return {output: text, passes, applied, remaining: [...messages], stop}
}

/**
 * The edits of a pass that `guard` accepts, found by halves: a group is tried with those
 * accepted so far; a group that fails is split until the edit at fault stands alone and is
 * dropped. The edits never overlap (one pass), so any subset applies.
 */
function guardedSubset(text: string, edits: readonly FixableMessage[], guard: FixGuard): {output: string; applied: FixableMessage[]} {
  const everything = {include: () => true}
  let accepted: FixableMessage[] = []
  let output = text
  const attempt = (group: readonly FixableMessage[]): void => {
    if (group.length === 0) return
    const candidate = [...accepted, ...group]
    const result = applyEdits(text, candidate, everything)
    if (guard(text, result.applied, result.output)) {
      accepted = result.applied
      output = result.output
    } else if (group.length > 1) {
      const half = group.length >> 1
      attempt(group.slice(0, half))
      attempt(group.slice(half))
    }
  }
  const half = edits.length >> 1
  attempt(edits.slice(0, half))
  attempt(edits.slice(half))
  return {output, applied: accepted}
}

async function finishAsync(
  steps: Generator<string, FixLoopResult, readonly FixableMessage[]>,
  lint: Lint,
  pending: PromiseLike<readonly FixableMessage[]>,
): Promise<FixLoopResult> {
  let step = steps.next(await pending)
  while (!step.done) step = steps.next(await lint(step.value))
  return step.value
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function'
}
