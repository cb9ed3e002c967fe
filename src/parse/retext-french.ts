/**
 * retext-french: a unified parser plugin for French, of the same shape as retext-dutch.
 * Extensions registered by other plugins under the nlcst*Extensions data keys run first,
 * as in retext-latin and retext-dutch.
 */
import type {Paragraph, Root, Sentence} from 'nlcst'
import type {Plugin as UnifiedPlugin, Processor} from 'unified'
import {ParseFrench} from './parse-french.js'

type Plugin<T> = (node: T) => void

/** Build a ParseFrench with the processor's registered nlcst extensions. */
export function createFrenchParser(processor?: Processor<Root>): ParseFrench {
  const parser = new ParseFrench()
  if (processor) {
    const data = processor.data() as Record<string, unknown>
    add(parser.tokenizeParagraphPlugins, data['nlcstParagraphExtensions'] as Plugin<Paragraph>[] | undefined)
    add(parser.tokenizeRootPlugins, data['nlcstRootExtensions'] as Plugin<Root>[] | undefined)
    add(parser.tokenizeSentencePlugins, data['nlcstSentenceExtensions'] as Plugin<Sentence>[] | undefined)
  }
  return parser
}

/** unified plugin: parse French plain text into nlcst (one paragraph per line). */
const retextFrench: UnifiedPlugin<[], string, Root> = function (this: Processor) {
  const self = this as unknown as Processor<Root>
  self.parser = (value: string) => createFrenchParser(self).parse(value)
}
export default retextFrench

function add<T>(list: T[], values: T[] | undefined): void {
  if (values) list.unshift(...values)
}
