/**
 * The fix stage: a unified plugin placed after the rules (the CLI appends it to the
 * configured plugins). On each article it runs the fix loop with the very processor that
 * linted it (same configuration), leaves the fixed text in `file.value`, and replaces the
 * messages with what remains on the fixed text. Re-lints made by the loop are marked so the
 * stage does not recurse.
 */
import type {Root} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import {VFile} from 'vfile'
import {sortMessages, type CoquilleMessage} from '../rules/kit.js'
import {fixLoop, type FixableMessage} from './index.js'
import {markupGuard} from './markup.js'
import {toFixable} from './text.js'
import {detectFormat} from '../parse/formats.js'

export interface FixStageOptions {
  /** Rule ids whose suggestions are applied too (`'all'` for every rule). */
  readonly suggestions?: readonly string[] | 'all'
}

export interface FixOutcome {
  readonly original: string
  readonly output: string
  readonly applied: number
  readonly passes: number
}

export const fixStage: Plugin<[FixStageOptions?], Root> = function (this: Processor, options) {
  const processor = this as unknown as Processor<Root>
  const suggestions = options?.suggestions
  const include = (message: FixableMessage): boolean => suggestions === 'all' || (suggestions?.includes(message.ruleId) ?? false)
  return (_tree, file) => {
    // A re-lint of the fix loop, or one section of a huge file (fixed as a whole afterwards).
    if (file.data.relint || file.data.section) return
    const original = String(file.value)
    if (file.messages.some((message) => message.fatal && !message.ruleId)) return
    let remaining = file.messages as CoquilleMessage[]
    const first = remaining.flatMap((message) => toFixable(message) ?? [])
    let initial = true
    const lint = (text: string): FixableMessage[] => {
      if (initial) {
        initial = false
        return first
      }
      const copy = new VFile({value: text, path: file.path, cwd: file.cwd})
      copy.data.relint = true
      if (file.data.format) copy.data.format = file.data.format
      const tree = processor.parse(copy)
      processor.runSync(tree, copy)
      remaining = sortMessages(copy.messages as CoquilleMessage[])
      return remaining.flatMap((message) => toFixable(message) ?? [])
    }
    const format = file.data.coquille?.format ?? file.data.format ?? detectFormat(file.path)
    const result = fixLoop(original, lint, {include, guard: markupGuard(format)})
    const outcome: FixOutcome = {original, output: result.output, applied: result.applied.length, passes: result.passes}
    file.data.fix = outcome
    if (result.output !== original) {
      file.value = result.output
      // Messages now describe the fixed text.
      file.messages = remaining.map((message) => Object.assign(message, {file: file.path}))
    }
  }
}
