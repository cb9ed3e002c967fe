/**
 * retext-french and coquille's format-aware parser stage.
 */
import type {Root} from 'nlcst'
import type {Plugin, Processor} from 'unified'
import {DocumentIndexBuilder, type Format, type SourceComment} from './document.js'
import {detectFormat, parseFormat} from './formats.js'
import {InputError, prepareInput, refuseInput} from '../input.js'
import {createFrenchParser} from './retext-french.js'
import {frenchParagraphExtension, frenchSentenceExtension} from 'retext-french'
import {lintInSections, sectionThreshold} from './sections.js'

export {ParseFrench, type PointMapper} from './parse-french.js'
export {default as retextFrench, createFrenchParser} from './retext-french.js'
export {splitElision, type ElisionParts} from './elision.js'
export {detectFormat, htmlTree, markdownTree, preloadFormats} from './formats.js'
export * from './document.js'
export {quotationSpans, quotationAt, type QuotationSpan} from './quotation.js'

/**
 * retext-french's nlcst extensions, for processors that build nlcst another way
 * (remark-retext / rehype-retext with parse-latin): under the `nlcstSentenceExtensions` /
 * `nlcstParagraphExtensions` data keys they make that parser parse as ParseFrench does.
 * `.use(retextFrench)` on the destination processor registers them itself.
 */
export const frenchSentenceExtensions = [frenchSentenceExtension]
export const frenchParagraphExtensions = [frenchParagraphExtension]

export interface CoquilleParseOptions {
  /** Force a format; by default it follows the file's extension (`.md`, `.html`, else text). */
  readonly format?: Format | undefined
  /**
   * Keep the nlcst tree of every paragraph as the processor's tree (for retext plugins that
   * walk it). Off by default: coquille's rules read the document index, and the tree costs
   * about as much memory again as the index (see DESIGN.md, "Performance by design").
   */
  readonly keepTree?: boolean | undefined
  /** Largest article parsed, in bytes (default `defaultMaxFileSize`, 50 MB). */
  readonly maxFileSize?: number | undefined
}

/**
 * unified plugin: parse a plain text, Markdown or HTML article into nlcst with exact
 * source offsets, and store the document index on `file.data.coquille`. The tree it
 * returns is an empty root spanning the document unless `keepTree` is set.
 */
export const coquilleParse: Plugin<[CoquilleParseOptions?], string, Root> = function (this: Processor, options) {
  const self = this as unknown as Processor<Root>
  self.parser = (_document, file) => {
    const format = options?.format ?? file.data.format ?? detectFormat(file.path)
    const keepTree = options?.keepTree === true
    const sectioned = format === 'txt' && !file.data.section && !keepTree
    const document = prepareInput(file, options?.maxFileSize, sectioned ? sectionThreshold : Infinity) ?? ''
    if (sectioned && document.length > sectionThreshold) {
      // A huge text: every section is linted now, with this processor; the rules then run
      // on an index without tokens, which gives nothing more.
      lintInSections(self, file, document)
      const index = new DocumentIndexBuilder(document, format).finish()
      file.data.coquille = index
      return index.tree
    }
    let builder = new DocumentIndexBuilder(document, format, keepTree, file.data.section)
    let comments: SourceComment[] = []
    try {
      comments = parseFormat(document, format, createFrenchParser(self), builder).comments
    } catch (error) {
      // Markup nested thousands deep exhausts the stack of the tree builders, and the
      // Markdown front-end refuses shapes its parser would take minutes on: refuse the
      // file with a clear message rather than crash or hang.
      if (error instanceof InputError) refuseInput(file, error.message)
      else if (error instanceof RangeError) refuseInput(file, `Document trop profondément imbriqué pour être analysé (${format === 'html' ? 'HTML' : 'Markdown'}).`)
      else throw error
      builder = new DocumentIndexBuilder('', format, keepTree, file.data.section)
    }
    const index = builder.finish(comments)
    file.data.coquille = index
    return index.tree
  }
}
