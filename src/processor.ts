/**
 * The one processor behind every entry point (CLI, language server, library): the
 * coquille parser stage, then the stages of src/pipeline.ts. Messages come out sorted by place.
 */
import type {Root} from 'nlcst'
import {unified, type Plugin, type Processor} from 'unified'
import {VFile} from 'vfile'
import {resolveConfig, type CoquilleConfig, type ResolvedRule} from './config.js'
import {coquilleParse} from './parse/index.js'
import {lintStages} from './pipeline.js'
import type {Vocabulary} from './vocabulary.js'
import type {Format} from './parse/document.js'
import {sortMessages, type CoquilleMessage} from './rules/kit.js'

export {sortMessages}

export interface ProcessorOptions {
  /** Article format; by default from the file's extension, else plain text. */
  readonly format?: Format | undefined
  /** Configuration object (as in `.coquillerc`) or rules already resolved. */
  readonly config?: CoquilleConfig | readonly ResolvedRule[] | undefined
  /** Apply inline configuration comments (default true; the CLI adds it after its configured rules). */
  readonly messageControl?: boolean
  /** House vocabulary (see src/vocabulary.ts). */
  readonly vocabulary?: Vocabulary | undefined
  /** Keep the nlcst tree as the processor's tree (for retext plugins that walk it); off by default. */
  readonly keepTree?: boolean | undefined
  /** Largest article parsed, in bytes (default 50 MB; `--max-file-size`). */
  readonly maxFileSize?: number | undefined
}

/** Keep the source as the compiled result, so `process` works and nothing is re-serialised. */
const keepSource: Plugin<[], Root, string> = function (this: Processor) {
  ;(this as unknown as Processor<Root, Root, Root, Root, string>).compiler = (_tree, file) => String(file.value)
}

export function createProcessor(options: ProcessorOptions = {}): Processor<Root, Root, Root, Root, string> {
  const resolved = Array.isArray(options.config) ? (options.config as readonly ResolvedRule[]) : resolveConfig(options.config ?? {})
  const processor = unified().use(coquilleParse, {format: options.format, keepTree: options.keepTree, maxFileSize: options.maxFileSize}).use(keepSource)
  for (const [plugin, parameter] of lintStages({rules: resolved, vocabulary: options.vocabulary, messageControl: options.messageControl})) {
    processor.use(plugin as Plugin<[unknown]>, parameter)
  }
  return processor as unknown as Processor<Root, Root, Root, Root, string>
}

/** Lint one article held in memory. */
export function lintFile(file: VFile, processor: Processor<Root, Root, Root, Root, string>): CoquilleMessage[] {
  const tree = processor.parse(file)
  processor.runSync(tree, file)
  return sortMessages(file.messages as CoquilleMessage[])
}
