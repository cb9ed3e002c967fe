/**
 * A small linter for testing the fix engine on its own: a few French typography checks
 * written as regular expressions, each reporting a FixableMessage with UTF-16 offsets into
 * the text it was given. Not coquille's rules: the engine must not depend on them.
 */
import type {FixableMessage} from '../../src/fix/index.js'

interface FakeRule {
  readonly ruleId: string
  readonly pattern: RegExp
  /** Replacement for the whole match (insertions use an empty match). */
  readonly replacement: string
  readonly safe: boolean
}

const fakeRules: readonly FakeRule[] = [
  // Two or more spaces → one.
  {ruleId: 'doubled-space', pattern: / {2,}/g, replacement: ' ', safe: true},
  // "le le le" → "le" (whole words only; accents count as letters).
  {ruleId: 'repeated-le', pattern: /(?<![\p{L}\p{N}])le(?: le)+(?![\p{L}\p{N}])/gu, replacement: 'le', safe: true},
  // " ," → ","
  {ruleId: 'space-before-comma', pattern: / +,/g, replacement: ',', safe: true},
  // "..." → "…"
  {ruleId: 'three-dots', pattern: /\.\.\./g, replacement: '…', safe: true},
  // "Vraiment?" → "Vraiment ?" with a narrow no-break space: an insertion.
  {ruleId: 'space-before-question', pattern: /(?<=\p{L})(?=[?!])/gu, replacement: '\u202F', safe: true},
  // "«mot" → "« mot": a suggestion, applied only when opted in.
  {ruleId: 'guillemet-space', pattern: /(?<=«)(?=\p{L})/gu, replacement: '\u00A0', safe: false},
]

export function fakeLint(text: string): FixableMessage[] {
  const messages: FixableMessage[] = []
  for (const rule of fakeRules) {
    for (const match of text.matchAll(rule.pattern)) {
      const start = match.index
      const end = start + match[0].length
      messages.push({ruleId: rule.ruleId, start, end, actual: match[0], expected: [rule.replacement], safe: rule.safe})
    }
  }
  return messages
}
