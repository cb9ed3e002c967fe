/**
 * Fuzzing the whole pipeline with fast-check: arbitrary and hostile text in every format,
 * every rule of `strict`. Properties: no throw; every message lies inside the file and its
 * `actual` is the source under its range; the same input gives the same messages; fixing is
 * idempotent and changes nothing outside the flagged ranges.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'
import {fixText} from '../../src/pipeline/fix-text.js'
import type {Format} from '../../src/parse/index.js'
import {frenchLike} from './arbitraries.js'

const config = {extends: 'strict'}
const formats: Format[] = ['txt', 'md', 'html']

const anyText = fc.oneof(frenchLike, fc.string({unit: 'binary', maxLength: 200}), fc.string({unit: 'grapheme', maxLength: 200}))

function checkMessages(text: string, format: Format): void {
  const {messages, file} = lint(text, {format, config})
  const source = String(file.value)
  for (const message of messages) {
    const place = message.place as {start?: {offset?: number}; end?: {offset?: number}} | undefined
    if (!place || !place.start || place.start.offset === undefined) continue
    const start = place.start.offset
    const end = place.end!.offset!
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThanOrEqual(start)
    expect(end).toBeLessThanOrEqual(source.length)
    if (message.actual !== undefined) expect(source.slice(start, end)).toBe(message.actual)
  }
}

describe('fuzzing the pipeline', () => {
  for (const format of formats) {
    it(`${format}: never throws; messages inside the file, actual under the range; deterministic`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          checkMessages(text, format)
          const once = lint(text, {format, config}).messages.map((message) => [message.ruleId, message.place, message.reason])
          const twice = lint(text, {format, config}).messages.map((message) => [message.ruleId, message.place, message.reason])
          expect(twice).toEqual(once)
        }),
        {numRuns: 300},
      )
    })
    it(`${format}: fixing is idempotent and only touches flagged ranges`, () => {
      fc.assert(
        fc.property(frenchLike, (text) => {
          const first = fixText(text, {format, config})
          const second = fixText(first.output, {format, config})
          expect(second.output).toBe(first.output)
          expect(second.applied).toHaveLength(0)
          // Outside the first pass's edits nothing changed: the unflagged prefix and suffix survive.
          // Offsets count after a BOM, which fixing keeps.
          const body = text.startsWith('\uFEFF') ? text.slice(1) : text
          const output = first.output.startsWith('\uFEFF') ? first.output.slice(1) : first.output
          expect(first.output.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'))
          if (first.applied.length > 0) {
            const firstEdit = Math.min(...first.applied.map((edit) => edit.start))
            expect(output.slice(0, firstEdit)).toBe(body.slice(0, firstEdit))
          } else {
            expect(first.output).toBe(text)
          }
        }),
        {numRuns: 200},
      )
    })
  }

  it('hostile shapes: deep nesting, broken HTML, thousands of quotes and dots', () => {
    const cases: Array<[string, Format]> = [
      ['>'.repeat(2000) + ' le le texte', 'md'],
      ['- '.repeat(1000) + 'le le', 'md'],
      ['<div>'.repeat(3000) + 'le le' + '<p'.repeat(1000), 'html'],
      ['<p>' + '&amp;'.repeat(5000), 'html'],
      ['«'.repeat(5000) + '»'.repeat(3000), 'txt'],
      ['"'.repeat(10000), 'txt'],
      ['.'.repeat(20000), 'txt'],
      ['a.'.repeat(20000), 'txt'],
      ['A'.repeat(50000), 'txt'],
      ['Le'.repeat(20000), 'txt'],
      ['\n'.repeat(50000), 'txt'],
      ['\u0301'.repeat(10000), 'txt'],
      ['le '.repeat(20000), 'txt'],
    ]
    for (const [text, format] of cases) checkMessages(text, format)
  }, 120_000)
})
