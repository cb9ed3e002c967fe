/** Where a "disable on this line" comment line can go without changing the document. */
import {describe, expect, it} from 'vitest'
import {commentKeepsStructure} from '../src/server/comment-placement.js'
import {preloadFormats} from '../src/parse/index.js'

await preloadFormats()

const comment = '<!-- coquille-disable-next-line repeated-words -->\n'
/** Whether the comment may go before line `line` (0-based) of `source`. */
const allowed = (format: 'md' | 'html', source: string, line: number): boolean => {
  const offset = source.split('\n').slice(0, line).join('\n').length + (line > 0 ? 1 : 0)
  return commentKeepsStructure(format, source, offset, comment)
}

describe('comment placement', () => {
  it('Markdown: before a block, not inside front matter, a paragraph, a list or a table', () => {
    const markdown = '---\ntitle: Un titre\n---\n\nUn paragraphe\nsur deux lignes.\n\n- un\n- deux\n\n| a | b |\n| - | - |\n| c | d |\n\n> une citation\n'
    expect([0, 1, 4, 5, 7, 8, 10, 12, 14].map((line) => allowed('md', markdown, line))).toEqual([false, false, true, false, true, false, true, false, true])
  })

  it('HTML: not where it would become text or break a tag', () => {
    const html = '<p>Un paragraphe\nsur deux lignes.</p>\n<pre>\ndu code\n</pre>\n<textarea>\ntexte\n</textarea>\n<p><a\nhref="x">lien</a></p>\n'
    expect([0, 1, 3, 6, 9].map((line) => allowed('html', html, line))).toEqual([true, true, false, false, false])
  })
})
