/**
 * Properties of the fix engine, with fast-check: French-like text with injected defects,
 * the small fake linter of `fake-linter.ts`, random (often overlapping) edits, arbitrary
 * unicode (lone surrogates included) and corrupted messages.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {applyEdits, fixLoop, type ApplyOptions, type FixableMessage} from '../../src/fix/index.js'
import {fakeLint} from './fake-linter.js'

const words = ['le', 'la', 'les', 'de', 'à', 'été', 'où', 'ça', 'œuvre', 'Élysée', 'garçon', 'l’accord', 'aujourd’hui', 'États-Unis', '11 000', '3,5', 'Quoi', 'le']
const punctuation = [',', '.', ';', ':', '?', '!', '…', '« ', ' »', '«', '»', '’', '—', '(', ')']
const spaces = [' ', ' ', ' ', '\u00A0', '\u202F', '\n', '\r\n', '\n\n']
const exotic = ['👩‍👩‍👧', '𝔘', 'e\u0301', '\uFEFF', '\t']
/** Defects the fake linter knows, injected often. */
const defects = ['le le', 'le le le', '  ', '   ', ' ,', '  ,', '...', '....', 'Quoi?', 'Vraiment!', '«Bonjour»']

const frenchLike = fc
  .array(
    fc.oneof(
      {arbitrary: fc.constantFrom(...words), weight: 5},
      {arbitrary: fc.constantFrom(...spaces), weight: 5},
      {arbitrary: fc.constantFrom(...punctuation), weight: 2},
      {arbitrary: fc.constantFrom(...defects), weight: 2},
      {arbitrary: fc.constantFrom(...exotic), weight: 1},
    ),
    {maxLength: 80},
  )
  .map((parts) => parts.join(''))

/** Any string of UTF-16 code units: lone surrogates, controls, astral halves. */
const anyCodeUnits = fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code)), maxLength: 60})
const anyText = fc.oneof(frenchLike, anyCodeUnits, fc.string({unit: 'grapheme', maxLength: 60}))

/** Edits at random places of `text`, with the right `actual`: they overlap and touch a lot. */
function randomEdits(text: string): fc.Arbitrary<FixableMessage[]> {
  const edit = fc
    .record({
      a: fc.integer({min: 0, max: text.length}),
      b: fc.integer({min: 0, max: text.length}),
      replacement: fc.oneof(fc.constantFrom('', ' ', '…', 'é', '😀'), fc.string({maxLength: 3})),
      safe: fc.boolean(),
    })
    .map(({a, b, replacement, safe}): FixableMessage => {
      const start = Math.min(a, b)
      const end = Math.max(a, b)
      return {ruleId: safe ? 'random' : 'random-suggestion', start, end, actual: text.slice(start, end), expected: [replacement], safe}
    })
  return fc.array(edit, {maxLength: 12})
}

/** A message made wrong in one way: beyond the text, reversed, fractional, or stale. */
function corrupt(text: string): fc.Arbitrary<FixableMessage> {
  const base = {ruleId: 'bogus', expected: ['X'], safe: true}
  return fc.oneof(
    fc.integer({min: 1, max: 5}).map((extra) => ({...base, start: text.length, end: text.length + extra, actual: ''})),
    fc.integer({min: -5, max: -1}).map((start) => ({...base, start, end: 0, actual: ''})),
    fc.integer({min: 1, max: Math.max(1, text.length)}).map((start) => ({...base, start, end: start - 1, actual: ''})),
    fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY).map((start) => ({...base, start, end: text.length, actual: text})),
    fc
      .tuple(fc.integer({min: 0, max: text.length}), fc.integer({min: 0, max: text.length}))
      .map(([a, b]) => {
        const start = Math.min(a, b)
        const end = Math.max(a, b)
        // Any text that is not the source under the range.
        return {...base, start, end, actual: text.slice(start, end) + '\u0000stale'}
      }),
  )
}

/**
 * The kept edits explain the output exactly: walking source and output together, every
 * stretch of the source between kept edits appears unchanged and in order, and each kept
 * range is replaced by its first `expected`. Also checks that kept edits neither overlap
 * nor meet at an insertion point.
 */
function expectAligned(source: string, output: string, applied: readonly FixableMessage[]): void {
  let inSource = 0
  let inOutput = 0
  let previous: FixableMessage | undefined
  for (const edit of applied) {
    expect(source.slice(edit.start, edit.end)).toBe(edit.actual)
    if (previous) {
      expect(edit.start).toBeGreaterThanOrEqual(previous.end)
      if (edit.start === previous.end) {
        expect(edit.start === edit.end || previous.start === previous.end).toBe(false)
      }
    }
    const untouched = source.slice(inSource, edit.start)
    expect(output.slice(inOutput, inOutput + untouched.length)).toBe(untouched)
    inOutput += untouched.length
    const replacement = edit.expected[0]!
    expect(output.slice(inOutput, inOutput + replacement.length)).toBe(replacement)
    inOutput += replacement.length
    inSource = edit.end
    previous = edit
  }
  expect(output.slice(inOutput)).toBe(source.slice(inSource))
}

const hasLoneSurrogate = (text: string): boolean => /[\uD800-\uDFFF]/u.test(text)
const everything: ApplyOptions = {include: () => true}

describe('fix engine properties', () => {
  it('applyEdits changes nothing outside the kept edits, whatever the edits', () => {
    fc.assert(
      fc.property(
        anyText.chain((text) => fc.tuple(fc.constant(text), randomEdits(text), fc.boolean())),
        ([text, edits, includeSuggestions]) => {
          const options = includeSuggestions ? everything : {}
          const result = applyEdits(text, [...edits, ...fakeLint(text)], options)
          expectAligned(text, result.output, result.applied)
          // Every eligible message is either applied or skipped, never both or lost.
          const eligible = [...edits, ...fakeLint(text)].filter((message) => message.safe || includeSuggestions)
          expect(result.applied.length + result.skipped.length).toBe(eligible.length)
          if (!includeSuggestions) expect(result.applied.every((message) => message.safe)).toBe(true)
        },
      ),
      {numRuns: 500},
    )
  })

  it('a well-formed text stays well-formed: no edit splits a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc
          .string({unit: 'grapheme', maxLength: 40})
          .chain((text) => fc.tuple(fc.constant(text), randomEdits(text))),
        ([text, edits]) => {
          fc.pre(!hasLoneSurrogate(text))
          const wellFormed = edits.filter((edit) => !hasLoneSurrogate(edit.expected[0]!))
          expect(hasLoneSurrogate(applyEdits(text, wellFormed, everything).output)).toBe(false)
        },
      ),
      {numRuns: 300},
    )
  })

  it('fixing settles, and fixing the result again changes nothing (idempotence)', () => {
    fc.assert(
      fc.property(frenchLike, fc.boolean(), (text, includeSuggestions) => {
        const options = includeSuggestions ? everything : {}
        const once = fixLoop(text, fakeLint, options)
        expect(once.stop).toBe('settled')
        const twice = fixLoop(once.output, fakeLint, options)
        expect(twice.output).toBe(once.output)
        expect(twice.passes).toBe(0)
        expect(twice.applied).toEqual([])
      }),
      {numRuns: 400},
    )
  })

  it('the fixed text raises none of the messages that were applied by default', () => {
    fc.assert(
      fc.property(frenchLike, (text) => {
        const {output, remaining} = fixLoop(text, fakeLint)
        expect(fakeLint(output).filter((message) => message.safe)).toEqual([])
        expect(remaining).toEqual(fakeLint(output))
        // With every suggestion opted in, nothing at all remains.
        expect(fakeLint(fixLoop(text, fakeLint, everything).output)).toEqual([])
      }),
      {numRuns: 300},
    )
  })

  it('each pass of the loop changes only the ranges flagged on the text it fixed', () => {
    fc.assert(
      fc.property(frenchLike, (text) => {
        const linted: string[] = []
        const result = fixLoop(text, (value) => {
          linted.push(value)
          return fakeLint(value)
        })
        expect(linted).toHaveLength(result.passes + 1)
        expect(linted.at(-1)).toBe(result.output)
        for (let pass = 1; pass <= result.passes; pass++) {
          const edits = result.applied.filter((fix) => fix.pass === pass)
          expect(edits.length).toBeGreaterThan(0)
          expectAligned(linted[pass - 1]!, linted[pass]!, edits)
        }
      }),
      {numRuns: 300},
    )
  })

  it('never throws, on any text with any messages', () => {
    const wildNumber = fc.oneof(fc.integer({min: -3, max: 80}), fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0))
    const wildMessage = fc.record({
      ruleId: fc.string({maxLength: 5}),
      start: wildNumber,
      end: wildNumber,
      actual: anyCodeUnits,
      expected: fc.array(anyCodeUnits, {maxLength: 2}),
      safe: fc.boolean(),
    })
    fc.assert(
      fc.property(anyText, fc.array(wildMessage, {maxLength: 8}), (text, messages) => {
        const result = applyEdits(text, messages, everything)
        expectAligned(text, result.output, result.applied)
        const looped = fixLoop(text, (value) => [...fakeLint(value), ...messages], everything)
        expect(typeof looped.output).toBe('string')
      }),
      {numRuns: 500},
    )
  })

  it('bogus messages are skipped, not applied, and do not change what the good ones do', () => {
    fc.assert(
      fc.property(
        frenchLike.chain((text) => fc.tuple(fc.constant(text), fc.array(corrupt(text), {minLength: 1, maxLength: 5}))),
        ([text, bogus]) => {
          const good = fakeLint(text)
          const mixed = applyEdits(text, [...bogus, ...good])
          expect(mixed.output).toBe(applyEdits(text, good).output)
          expect(mixed.applied.some((message) => message.ruleId === 'bogus')).toBe(false)
          for (const message of bogus) {
            const skip = mixed.skipped.find((entry) => entry.message === message)
            expect(skip?.reason).toMatch(/^(invalid|stale)$/)
          }
        },
      ),
      {numRuns: 400},
    )
  })
})
