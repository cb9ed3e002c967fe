/**
 * The lint pipeline, declared once. What runs on an article, in this order, whether the
 * command runs it (unified-engine, one processor per configuration) or `createProcessor`
 * does (library, language server, fixText):
 *
 * | stage | plugin | who adds it |
 * | --- | --- | --- |
 * | input | `prepareInput` (src/input.ts), inside the parser: size, encoding, BOM | always |
 * | parse | `coquilleParse` (src/parse): the document index | `createProcessor` (the command's engine gets its processor from it) |
 * | cache lookup | `cacheLookup` (src/cache.ts): a hit restores the kept messages | the command with `--cache` |
 * | vocabulary | `coquilleVocabulary` (src/vocabulary.ts) | when there is one (the command: always) |
 * | rules | the configured rules (rules/), in configuration order | always |
 * | message control | `coquilleMessageControl` (src/message-control.ts): inline comments | unless turned off |
 * | cache store | `cacheStore` | the command with `--cache` |
 * | fix | `fixStage` (src/fix/stage.ts): the fix loop, re-linting with this very processor | the command with `--fix` / `--fix-dry-run` |
 * | release | `releaseDocument` (src/release.ts): the index dropped, messages set aside | the command |
 * | report | src/report, after the engine | the command |
 *
 * Every stage after the parser is listed by `lintStages`, for both. The `file.data` keys the
 * stages hand each other are declared below, each with who writes and who reads it.
 */
import type {VFileMessage} from 'vfile-message'
import {cacheLookup, cacheStore, type CacheOptions} from './cache.js'
import type {ResolvedRule} from './config.js'
import {fixStage, type FixOutcome, type FixStageOptions} from './fix/stage.js'
import {coquilleMessageControl} from './message-control.js'
import type {DocumentIndex, Format, SectionBase} from './parse/document.js'
import {releaseDocument} from './release.js'
import {coquilleVocabulary, type Vocabulary} from './vocabulary.js'

export interface LintStageOptions {
  /** The configured rules, in order. */
  readonly rules: readonly ResolvedRule[]
  readonly vocabulary?: Vocabulary | undefined
  /** Apply inline configuration comments (default true). */
  readonly messageControl?: boolean | undefined
  /** Keep and reuse each article's messages (the command's `--cache`). */
  readonly cache?: CacheOptions | undefined
  /** Run the fix loop after the rules (the command's `--fix`). */
  readonly fix?: FixStageOptions | undefined
  /** Drop each article's index once linted, set its messages aside (the command, under unified-engine). */
  readonly release?: boolean | undefined
}

/** A stage as unified takes it: the plugin and its one parameter. */
export type LintStage = [plugin: unknown, parameter: unknown]

/** The stages after the parser, in pipeline order (see the table above). */
export function lintStages(options: LintStageOptions): LintStage[] {
  const stages: LintStage[] = []
  if (options.cache) stages.push([cacheLookup, options.cache])
  if (options.vocabulary) stages.push([coquilleVocabulary, options.vocabulary])
  for (const rule of options.rules) stages.push([rule.rule, [rule.severity, rule.options]])
  if (options.messageControl !== false) stages.push([coquilleMessageControl, undefined])
  if (options.cache) stages.push([cacheStore, options.cache])
  if (options.fix) stages.push([fixStage, options.fix])
  if (options.release) stages.push([releaseDocument, undefined])
  return stages
}

declare module 'vfile' {
  interface DataMap {
    /** Format chosen by the caller (stdin, editor buffer); overrides the extension. Written by the caller (CLI, server, `lint`); read by the parser and the fix stage. */
    format: Format
    /** The file started with a UTF-8 byte order mark (removed from `value`). Written by the input stage; read by the fix writer (put back) and the reports. */
    bom: boolean
    /** The document index. Written by the parser (or by the rule kit behind another parser); read by the rules, message control and the cache; dropped by release. */
    coquille: DocumentIndex
    /** This file is one section of a huge file, starting there. Written by the sectioning parser; read by the parser, the fix stage and release. */
    section: SectionBase
    /** The house vocabulary. Written by the vocabulary stage; read by the rules (`vocabularyOf`, `houseNamesOf`). */
    vocabulary: Vocabulary
    /** Where the messages of this article go in the cache (it was linted, not found). Written by cache lookup; read by cache store. */
    cacheKey: {path: string; key: string}
    /** A re-lint made by the fix loop. Written by the fix stage; read by the fix stage (no recursion) and release. */
    relint: boolean
    /** What the fix loop did. Written by the fix stage; read by the command (writes, diffs). */
    fix: FixOutcome
    /** The lint messages, set aside while unified-engine finishes the run. Written by release; read by `restoreMessages` (the command). */
    lintMessages: VFileMessage[]
  }
}
