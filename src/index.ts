/**
 * coquille's library API.
 *
 *     import {lint} from 'coquille'
 *     const {messages} = lint('Il a signé le le décret.')
 */
import {VFile} from 'vfile'
import {createProcessor, lintFile, type ProcessorOptions} from './processor.js'
import type {CoquilleMessage} from './rules/kit.js'

export {createProcessor, type ProcessorOptions} from './processor.js'
export {resolveConfig, ConfigError, type CoquilleConfig, type ResolvedRule} from './config.js'
export {presets, rules} from '../rules/index.js'
export {retextFrench, ParseFrench, coquilleParse, splitElision, frenchParagraphExtensions, frenchSentenceExtensions, preloadFormats} from './parse/index.js'
export type {DocumentIndex, Format, Token, Block, SentenceSpan, QuotationSpan} from './parse/index.js'
export {quotationSpans, quotationAt} from './parse/index.js'
export type {CoquilleMessage, RuleMeta} from './rules/kit.js'
export {parseVocabulary, loadVocabulary, type Vocabulary} from './vocabulary.js'
export {findConfig} from './config-files.js'

export interface LintOptions extends ProcessorOptions {
  /** File path, for messages and format detection. */
  readonly path?: string
}

export interface LintResult {
  readonly messages: CoquilleMessage[]
  readonly file: VFile
}

/** Lint an article given as a string; messages sorted by place. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const file = new VFile({value: text, path: options.path})
  if (options.format) file.data.format = options.format
  const messages = lintFile(file, createProcessor(options))
  return {messages, file}
}
