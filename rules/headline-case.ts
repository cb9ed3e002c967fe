/**
 * ## headline-case
 *
 * A French headline is written like a sentence: a capital on its first word and on
 * proper nouns only (Imprimerie nationale; French press usage). This rule reads the
 * headline (the first line of a text file when it reads as one: 25 words at most, no
 * list marker, no final full stop; the Markdown headings, HTML `h1`–`h6` and `title`) and, in text files, the sub-headings (short lines standing alone between
 * blank lines, without final punctuation), and flags:
 *
 * - a headline that starts with a lower-case letter ("ratification de l’accord…"), a
 *   scraping or CMS slip: the fix capitalises the first word;
 * - a headline in English Title Case ("Le Président Annonce Un Plan"): at least three
 *   capitalised common words, and more of them than words in lower case; the suggestion
 *   puts them in lower case and keeps the proper nouns (names of the word list and of
 *   the name lists, the house vocabulary);
 * - a headline in capitals ("LES ÉTATS-UNIS SIGNENT"), three words or more: the
 *   suggestion is the sentence-case headline, accents restored, acronyms kept ("CEDEAO");
 *   none when the capitals hide which word is meant ("MARCHE": « marche » or « marché »).
 *   Sub-headings in capitals are flagged too, except in `recommended`: many sites set
 *   them in capitals by choice, which French typography allows (with the accents, that
 *   `accented-capitals` checks). A document whose headings are all in capitals (two or
 *   more) has chosen that layout and is never flagged for it. A first line holding two
 *   sentences ("10 flacons. MODE D’EMPLOI") is text, not a headline.
 *
 * Brands that start with a lower-case letter ("iPhone", "eBay") are not flagged. Each check
 * can be turned off (options below).
 *
 * Fix: capitalising the first word is safe; the Title Case and capitals rewrites are
 * suggestions (a name the lists do not know would lose its capital).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   La Corée du Nord ratifie l’accord avec la Russie
 *
 *   iPhone : Apple présente un nouveau modèle.
 *
 *   Un intertitre sans point
 *
 *   la suite d’un paragraphe qui commence en minuscule mais se termine par un point.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   ratification de l’accord de défense avec la Russie
 *
 *   Le texte commence ici.
 *
 *   un intertitre en minuscule
 *
 *   La suite.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:1-1:13 "ratification" → "Ratification" [safe]: Titre commençant par une minuscule : « ratification ».
 *   5:1-5:3 "un" → "Un" [safe]: Titre commençant par une minuscule : « un ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Ratification de l’accord de défense avec la Russie
 *
 *   Le texte commence ici.
 *
 *   Un intertitre en minuscule
 *
 *   La suite.
 *
 * @example
 *   {"name": "title-case.md", "label": "input"}
 *
 *   # Le Président Annonce Un Plan Pour La France
 *
 *   ## LES ETATS-UNIS ET LA CEDEAO SIGNENT UN ACCORD À PARIS
 *
 *   ## LE MARCHE DE NOËL OUVRE SES PORTES
 *
 * @example
 *   {"name": "title-case.md", "label": "output"}
 *
 *   1:6-1:39 "Président Annonce Un Plan Pour La" → "président annonce un plan pour la" [suggestion]: Titre en capitales initiales à l’anglaise : en français, seuls le premier mot et les noms propres en prennent une.
 *   3:4-3:57 "LES ETATS-UNIS ET LA CEDEAO SIGNENT UN ACCORD À PARIS" → "Les États-Unis et la CEDEAO signent un accord à Paris" [suggestion]: Titre tout en capitales : en français, une capitale initiale suffit.
 *   5:4-5:38: Titre tout en capitales : en français, une capitale initiale suffit.
 *
 * @example
 *   {"name": "capitals-layout.md"}
 *
 *   # MODE D’EMPLOI DU NOUVEAU COMPTEUR
 *
 *   Le texte de la notice.
 *
 *   ## AVANT LA PREMIÈRE MISE EN SERVICE
 *
 *   La suite de la notice.
 *
 * @example
 *   {"name": "subheading-capitals.txt", "config": {"allCapsSubheadings": false}}
 *
 *   Le conseil municipal vote son budget
 *
 *   Le texte de l’article.
 *
 *   LES GRANDES DÉPENSES DE L’ANNÉE
 *
 *   La suite de l’article.
 *
 * @example
 *   {"name": "two-sentences.txt"}
 *
 *   Dix flacons. MODE D’EMPLOI DU NOUVEAU COMPTEUR
 *
 *   Le texte de la notice.
 *
 * @example
 *   {"name": "ok-2.html"}
 *
 *   <html><head><title>La Russie et la Corée du Nord</title></head>
 *   <body><h1>Un accord de défense</h1><p>le texte de l’article.</p></body></html>
 */
import type {Block, DocumentIndex, Token} from '../src/parse/document.js'
import {splitElision} from '../src/parse/elision.js'
import {restoreCapitalAccents} from '../src/lexicon/accents.js'
import {accentedForms, frequencyRank} from '../src/lexicon/suggest.js'
import {loadList} from '../src/lexicon/lists.js'
import {isDictionaryForm, isKnownName} from '../src/lexicon/words.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import {headlineOf} from '../src/rules/blocks.js'
import {capitalise, isAllCaps, isCapitalised, isVerbatim, optionsObject} from '../src/rules/typography.js'
import {vocabularyOf} from '../src/vocabulary.js'

export interface HeadlineCaseOptions {
  readonly titleCase?: boolean
  readonly allCaps?: boolean
  readonly allCapsSubheadings?: boolean
  readonly subheadings?: boolean
}

const lowerInitial = /^\p{Ll}/u
const innerCapital = /^.+\p{Lu}/u
const finalPunctuation = /[.!?…:;,»"”)]$/
/** A sentence end inside a line: a word of two lower-case letters or a number, a full stop, a capital. */
const sentenceBreak = /(?:\p{Ll}{2}|\d)[.!?]\s+\p{Lu}/u
const subheadingWords = 14
const subheadingLength = 100

/** A word of a headline, with the source offsets of the part to rewrite. */
interface HeadlineWord {
  readonly token: Token
  readonly value: string
}

export default defineRule<HeadlineCaseOptions>(
  {
    id: 'headline-case',
    summary: 'Casse des titres : majuscule initiale, pas de capitales à l’anglaise ni de titre tout en capitales.',
    fix: 'mixed',
    options: {
      titleCase: {type: 'boolean', default: true, description: 'Signaler les capitales à l’anglaise (« Le Président Signe Un Accord »).'},
      allCaps: {type: 'boolean', default: true, description: 'Signaler les titres tout en capitales.'},
      allCapsSubheadings: {type: 'boolean', default: true, description: 'Signaler aussi les intertitres tout en capitales (le titre principal mis à part) ; `recommended` : false.'},
      subheadings: {type: 'boolean', default: true, description: 'Vérifier aussi les intertitres des fichiers texte.'},
    },
  },
  ({index, file, options, report}) => {
    const settings = optionsObject(options)
    const vocabulary = vocabularyOf(file).words
    const isName = (word: string): boolean => vocabulary.has(word) || loadList('names.txt').has(word) || loadList('brands.txt').has(word)
    const headings = headlineBlocks(index, settings['subheadings'] !== false).map((block) => ({block, words: wordsOf(index, block)}))
    const inCapitals = headings.filter(({words}) => isInCapitals(words)).length
    // Every heading (two or more) in capitals: a layout the document chose, not a slip.
    const capitalsLayout = inCapitals >= 2 && inCapitals === headings.filter(({words}) => letterWordsOf(words).length >= 3).length
    for (const {block, words} of headings) {
      const first = words[0]
      if (!first || !isVerbatim(index, first.token)) continue
      // 1. A lower-case start.
      if (lowerInitial.test(first.value) && !innerCapital.test(first.value) && !isName(first.value)) {
        const fixed = capitalise(first.value)
        report(`Titre commençant par une minuscule : « ${first.value} ».`, first.token.start, first.token.end, {expected: [fixed], safe: true})
        continue
      }
      const rest = words.slice(1)
      // 2. All in capitals.
      if (isInCapitals(words)) {
        if (settings['allCaps'] === false || capitalsLayout) continue
        if (block !== index.headline && settings['allCapsSubheadings'] === false) continue
        const firstLetterWord = words.findIndex((word) => /\p{L}/u.test(word.value))
        const rewrite = words.map((word, position) => sentenceCase(word.value, position === firstLetterWord, isName))
        suggest(index, words, rewrite, 'Titre tout en capitales : en français, une capitale initiale suffit.', report)
        continue
      }
      // 3. English Title Case.
      if (settings['titleCase'] === false) continue
      const common = rest.filter((word) => isCapitalised(word.value) && isCapitalisedCommonWord(word.value, isName))
      const lower = rest.filter((word) => lowerInitial.test(word.value))
      if (common.length >= 3 && common.length > lower.length) {
        const rewrite = words.map((word, position) => (position > 0 && common.includes(word) ? lowerFirst(word.value) : word.value))
        suggest(index, words, rewrite, 'Titre en capitales initiales à l’anglaise : en français, seuls le premier mot et les noms propres en prennent une.', report)
      }
    }
  },
)

type Report = RuleContext<unknown>['report']

/** Reports the rewrite of the words that change, as one suggestion over their source range. */
function suggest(index: DocumentIndex, words: readonly HeadlineWord[], rewrite: ReadonlyArray<string | undefined>, reason: string, report: Report): void {
  // A word the capitals leave undecided: the headline is reported, with no rewrite to trust.
  if (rewrite.includes(undefined)) {
    report(reason, words[0]!.token.start, words.at(-1)!.token.end)
    return
  }
  const changed = words.map((word, position) => rewrite[position] !== word.value)
  const firstChanged = changed.indexOf(true)
  if (firstChanged === -1) return
  const lastChanged = changed.lastIndexOf(true)
  if (words.slice(firstChanged, lastChanged + 1).some((word) => !isVerbatim(index, word.token))) return
  const start = words[firstChanged]!.token.start
  const end = words[lastChanged]!.token.end
  let text = ''
  let cursor = start
  for (let position = firstChanged; position <= lastChanged; position++) {
    const word = words[position]!
    text += index.source.slice(cursor, word.token.start) + rewrite[position]
    cursor = word.token.end
  }
  report(reason, start, end, {expected: [text], safe: false})
}

/** "Président", "Annonce": capitalised, a common word in lower case, and not a name. */
function isCapitalisedCommonWord(word: string, isName: (word: string) => boolean): boolean {
  if (isName(word)) return false
  const elision = splitElision(word)
  const stem = elision ? elision.stem : word
  if (isDictionaryForm(stem) || isName(stem)) return false // "France", "Paris": a name of the word list
  return isDictionaryForm(stem.toLowerCase()) && !isKnownName(stem)
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1)
}

const clearlyCommoner = 5

/**
 * One word of a headline in capitals, in sentence case ("ETATS-UNIS" → "États-Unis", "OTAN"
 * kept); undefined when capitals hide which word it is ("MARCHE": « marche » or « marché »,
 * "A": « a » or « à »).
 */
function sentenceCase(word: string, first: boolean, isName: (word: string) => boolean): string | undefined {
  if (!isAllCaps(word) || !/\p{L}/u.test(word)) return word
  const elision = splitElision(word)
  if (elision) {
    const elided = first ? capitalise(elision.elided.toLowerCase()) : elision.elided.toLowerCase()
    const stem = sentenceCase(elision.stem, false, isName)
    return stem === undefined ? undefined : elided + stem
  }
  if (word === 'A') return undefined
  if (isName(word)) return word
  const restored = restoreCapitalAccents(word)
  const spelled = (restored.length === 1 ? restored[0]!.form : word).toLowerCase()
  const asName = spelled
    .split('-')
    .map((part) => capitalise(part))
    .join('-')
  if (isDictionaryForm(asName) || (restored.length === 1 && !restored[0]!.common)) return asName
  // The forms the capitals may stand for: the word as written, and its accented spellings.
  const rank = (form: string): number => frequencyRank(form) ?? Infinity
  const forms = (restored.length === 1 ? [spelled] : [...(isDictionaryForm(spelled) ? [spelled] : []), ...accentedForms(spelled)]).sort((a, b) => rank(a) - rank(b))
  // A word of three letters as written is the function word ("SUR", "DU", "LA"); otherwise a
  // reading five times as frequent as the next one wins ("AGE" is « âge »), else none.
  const plain = word.length <= 3 && isDictionaryForm(spelled)
  if (plain) return first ? capitalise(spelled) : spelled
  if (forms.length > 1 && !(rank(forms[1]!) >= clearlyCommoner * rank(forms[0]!))) return undefined
  if (forms.length >= 1) return first ? capitalise(forms[0]!) : forms[0]!
  // Unknown in lower case and as a name: an acronym ("OTAN", "CEDEAO").
  return word
}

/** Words of two letters or more. */
function letterWordsOf(words: readonly HeadlineWord[]): HeadlineWord[] {
  return words.filter((word) => /\p{L}{2}/u.test(word.value))
}

/** Three words or more, nearly all in capitals. */
function isInCapitals(words: readonly HeadlineWord[]): boolean {
  const letterWords = letterWordsOf(words)
  return letterWords.length >= 3 && letterWords.filter((word) => isAllCaps(word.value)).length >= 0.8 * letterWords.length
}

/** The word tokens of a block, in order. */
function wordsOf(index: DocumentIndex, block: Block): HeadlineWord[] {
  const words: HeadlineWord[] = []
  for (let at = block.firstToken; at < block.endToken; at++) {
    const token = index.tokens[at]!
    if (token.kind === 'word') words.push({token, value: token.value})
  }
  return words
}

/** The headline, the headings, and in text files the sub-headings. */
function headlineBlocks(index: DocumentIndex, subheadings: boolean): Block[] {
  const blocks = new Set<Block>()
  const headline = headlineOf(index)
  // A first line holding two sentences ("10 flacons. MISE EN GARDE…") is text, not a headline.
  if (headline && !(index.format === 'txt' && sentenceBreak.test(index.source.slice(headline.start, headline.end)))) blocks.add(headline)
  for (const block of index.blocks) {
    if (block.kind === 'title' || (block.kind === 'heading' && index.format !== 'txt')) blocks.add(block)
    else if (subheadings && index.format === 'txt' && block.kind === 'paragraph' && isSubheading(index, block)) blocks.add(block)
  }
  return [...blocks]
}

/** A short line alone between blank lines, without final punctuation. */
function isSubheading(index: DocumentIndex, block: Block): boolean {
  const {source, lineStarts} = index
  const line = block.line - 1
  const lineEnd = (number: number): number => (number + 1 < lineStarts.length ? lineStarts[number + 1]! : source.length)
  const lineText = (number: number): string => source.slice(lineStarts[number]!, lineEnd(number))
  if (lineEnd(line) < block.end) return false
  const text = lineText(line).trim()
  if (text.length > subheadingLength || finalPunctuation.test(text)) return false
  if (text.split(/\s+/).length > subheadingWords) return false
  const blank = (number: number): boolean => number < 0 || number >= lineStarts.length || lineText(number).trim() === ''
  return blank(line - 1) && blank(line + 1)
}
