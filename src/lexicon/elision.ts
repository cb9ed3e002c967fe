/**
 * Elided words: "l’accord", "jusqu’au", "qu’il" are one word node in the tree; rules
 * that need the article or the stem split them here. Words where the apostrophe is part
 * of the lexeme ("aujourd’hui", "prud’homme", "presqu’île") are not split.
 */
const elidedPrefixes = new Set([
  'l', 'd', 'j', 'm', 't', 's', 'n', 'c', 'ç', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu',
  'quelqu',
])
const lexicalApostrophes = /^(aujourd|prud|presqu|entr|grand|main-d|hors-d|c'est-à-dire)$/i
const apostrophe = /['’]/

export interface ElisionParts {
  /** The elided word with its apostrophe, as written ("l’", "qu'"). */
  readonly elided: string
  /** The elided word in lower case without apostrophe ("l", "qu"). */
  readonly prefix: string
  /** What follows the apostrophe ("accord"). */
  readonly stem: string
}

/** Split "l’accord" into "l’" + "accord"; undefined for words without elision. */
export function splitElision(word: string): ElisionParts | undefined {
  const match = apostrophe.exec(word)
  if (!match) return undefined
  const prefix = word.slice(0, match.index)
  const stem = word.slice(match.index + 1)
  if (stem === '' || prefix === '') return undefined
  const lower = prefix.toLowerCase()
  if (!elidedPrefixes.has(lower) || lexicalApostrophes.test(prefix)) return undefined
  return {elided: word.slice(0, match.index + 1), prefix: lower, stem}
}
