/**
 * retext-french: a unified parser plugin for French, of the same shape as retext-dutch.
 * Extensions registered by other plugins under the nlcst*Extensions data keys run first,
 * as in retext-latin and retext-dutch.
 *
 * It also registers two extensions of its own, for the parsers it does not build:
 * remark-retext and rehype-retext, in bridge mode, make a plain parse-latin parser and put
 * the destination processor's extensions first in its plugin lists. The first call of each
 * French extension replaces the parse-latin plugins that follow it in that list with
 * ParseFrench's (a plugin is called as a member of its list: `list[index](node)`), so the
 * bridge parses French as ParseFrench does. In a ParseFrench parser they do nothing.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import type {Plugin as UnifiedPlugin, Processor} from 'unified'
import {ParseLatin} from 'parse-latin'
import {ParseFrench, type ParagraphMode} from './parse-french.js'

export {
  ParseFrench,
  attachClosingQuotes,
  mergeAbbreviationStops,
  mergeFrenchNumbers,
  mergeFrenchPrefixExceptions,
  splitGluedFullStops,
  type ParagraphMode,
  type PointMapper,
} from './parse-french.js'

type Plugin<T> = (node: T) => void

export interface Options {
  /**
   * Where a plain text's paragraphs end: `'line'` (default: every line break; a headline
   * without a full stop stays apart from the next line) or `'blank-line'` (lines wrapped
   * inside a paragraph are joined, as parse-latin does not).
   */
  readonly paragraphs?: ParagraphMode | undefined
}

/**
 * Swap the parse-latin plugins at the end of `list` (the array this extension was called
 * as a member of) for ParseFrench's, once; anything else is left alone.
 */
function adoptFrenchPlugins<T>(list: unknown, latin: ReadonlyArray<Plugin<T>>, french: ReadonlyArray<Plugin<T>>): void {
  if (!Array.isArray(list)) return
  const start = list.length - latin.length
  if (start < 0 || !latin.every((plugin, offset) => list[start + offset] === plugin)) return
  list.splice(start, latin.length, ...french)
}

/** nlcst sentence extension: makes a parse-latin parser split and merge sentence content as ParseFrench does. */
export function frenchSentenceExtension(this: unknown, _sentence: Sentence): void {
  adoptFrenchPlugins(this, ParseLatin.prototype.tokenizeSentencePlugins, ParseFrench.prototype.tokenizeSentencePlugins)
}

/** nlcst paragraph extension: makes a parse-latin parser cut sentences as ParseFrench does. */
export function frenchParagraphExtension(this: unknown, _paragraph: Paragraph): void {
  adoptFrenchPlugins(this, ParseLatin.prototype.tokenizeParagraphPlugins, ParseFrench.prototype.tokenizeParagraphPlugins)
}

const ownExtensions = new Set<unknown>([frenchSentenceExtension, frenchParagraphExtension])

/** Build a ParseFrench with the processor's registered nlcst extensions (other plugins' first). */
export function createFrenchParser(processor?: Processor<Root>, options: Options = {}): ParseFrench {
  const parser = new ParseFrench()
  if (options.paragraphs) parser.paragraphs = options.paragraphs
  if (processor) {
    const data = processor.data() as Record<string, unknown>
    add(parser.tokenizeParagraphPlugins, data['nlcstParagraphExtensions'] as Plugin<Paragraph>[] | undefined)
    add(parser.tokenizeRootPlugins, data['nlcstRootExtensions'] as Plugin<Root>[] | undefined)
    add(parser.tokenizeSentencePlugins, data['nlcstSentenceExtensions'] as Plugin<Sentence>[] | undefined)
  }
  return parser
}

/** unified plugin: parse French plain text into nlcst (one paragraph per line by default). */
export const retextFrench: UnifiedPlugin<[Options?], string, Root> = function (this: Processor, options) {
  const self = this as unknown as Processor<Root>
  register(self, 'nlcstSentenceExtensions', frenchSentenceExtension)
  register(self, 'nlcstParagraphExtensions', frenchParagraphExtension)
  self.parser = (value: string) => createFrenchParser(self, options ?? {}).parse(value)
}
export default retextFrench

function register(processor: Processor<Root>, key: string, extension: Plugin<never>): void {
  const data = processor.data() as Record<string, unknown>
  const list = (data[key] as unknown[] | undefined) ?? []
  if (!list.includes(extension)) processor.data(key as never, [...list, extension] as never)
}

function add<T>(list: T[], values: T[] | undefined): void {
  if (values) list.unshift(...values.filter((value) => !ownExtensions.has(value)))
}
