/**
 * Fixing an article with coquille's processor: the bridge between vfile messages and the
 * pure fix engine. Markup is kept byte for byte: edits are applied to the source text,
 * never by re-serialising a tree.
 */
import {VFile} from 'vfile'
import {createProcessor, lintFile, type ProcessorOptions} from '../processor.js'
import type {CoquilleMessage} from '../rules/kit.js'
import {fixLoop, type FixableMessage, type FixLoopOptions} from '../fix/index.js'
import {markupGuard} from '../parse/markup-guard.js'
import {detectFormat} from '../parse/formats.js'

export interface FixTextOptions extends ProcessorOptions, FixLoopOptions {
  readonly path?: string
}

export interface FixTextResult {
  readonly output: string
  readonly passes: number
  readonly applied: FixableMessage[]
  /** Messages on the fixed text. */
  readonly remaining: CoquilleMessage[]
}

/** A vfile message as an edit, or undefined when it carries no usable place or fix. */
export function toFixable(message: CoquilleMessage): FixableMessage | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const start = place.start.offset
  const end = place.end.offset
  if (start === undefined || end === undefined || message.actual === undefined || !message.expected) return undefined
  return {ruleId: message.ruleId ?? '', start, end, actual: message.actual, expected: message.expected, safe: message.fix === 'safe'}
}

export function fixText(text: string, options: FixTextOptions = {}): FixTextResult {
  const processor = createProcessor(options)
  let last: CoquilleMessage[] = []
  const lint = (value: string): FixableMessage[] => {
    const file = new VFile({value, path: options.path})
    if (options.format) file.data.format = options.format
    last = lintFile(file, processor)
    return last.flatMap((message) => toFixable(message) ?? [])
  }
  // Offsets are relative to the text without its BOM; fix that text, then put the BOM back.
  const hasBom = text.charCodeAt(0) === 0xfeff
  const body = hasBom ? text.slice(1) : text
  const guard = options.guard ?? markupGuard(options.format ?? detectFormat(options.path))
  const result = fixLoop(body, lint, {...options, guard})
  return {output: hasBom ? '\uFEFF' + result.output : result.output, passes: result.passes, applied: result.applied, remaining: last}
}
