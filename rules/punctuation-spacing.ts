/**
 * ## punctuation-spacing
 *
 * Checks the ordinary spaces around punctuation, the slips of typing and of scraping:
 *
 * - a space before a comma, a full stop, an ellipsis or a closing parenthesis
 *   ("Il a dit , oui", "la Victoire « .") — French puts none there;
 * - no space after a comma, a semicolon, a colon, an exclamation or question mark, an
 *   ellipsis or a closing parenthesis before a letter ("parlé,il", "Quoi?Il",
 *   "(AFP).Le");
 * - punctuation typed twice (",,", ";;", "::", "..") — not "…", "...", "?!" or "!!";
 * - several spaces in a row inside a line;
 * - spaces at the end of a line, and lines made of spaces only.
 *
 * Not checked here: the no-break space before « : ; ! ? » and after « », which French
 * typography requires (the `french-spacing` rule): a space before ; : ! ? or inside
 * « » is right. A full stop glued between two words ("France.Le") and a quotation mark
 * glued between two words ("sacrée“Elle") belong to `glued-words`, so that a defect gets
 * one message; this rule takes the full stop only after a bracket or a quote ("(AFP).Le").
 * Nothing is checked inside URLs, e-mail addresses, domain names, numbers ("3,5", "20:30"),
 * code, or in markup: in HTML, spaces in the source are not what readers see, so only
 * the punctuation checks apply. In Markdown, two spaces at the end of a line are a hard
 * line break and are left alone; code blocks are skipped.
 * Exceptions: letters in parentheses inside a word ("ami(e)s", "(s)es", "(re)travailler"); an
 * ellipsis after a space that follows punctuation or a bracket ("« … »"), where it stands
 * for words left out.
 *
 * Fix: safe (spaces removed, added or merged; the doubled mark once).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il a dit : « Non ! » ; puis, sans attendre, il est parti… Vraiment ?
 *   Les ami(e)s de l’AFP (Agence France-Presse) sont là. Voir LINFO.re et https://exemple.fr/a,b?c=d.
 *   Il mesure 3,5 m à 20:30, c.-à-d. assez ; etc. Ah ?! Oh !!
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Il a parlé , puis il est parti .
 *   Il a parlé,il est parti;il a dit:non. Quoi?Il part (AFP).Le soir.
 *   Ils sont venus ,,nombreux.. Voilà  tout.
 *   Jusqu’au Jour de la Victoire « .
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:11-1:13 " ," → "," [safe]: Pas d’espace avant la virgule.
 *   1:31-1:33 " ." → "." [safe]: Pas d’espace avant le point.
 *   2:11-2:12 "," → ", " [safe]: Il manque une espace après la virgule.
 *   2:24-2:25 ";" → "; " [safe]: Il manque une espace après le point-virgule.
 *   2:33-2:34 ":" → ": " [safe]: Il manque une espace après le deux-points.
 *   2:43-2:44 "?" → "? " [safe]: Il manque une espace après le point d’interrogation.
 *   2:56-2:58 ")." → "). " [safe]: Il manque une espace après le point.
 *   3:15-3:18 " ,," → ", " [safe]: Ponctuation doublée : « ,, ».
 *   3:26-3:28 ".." → "." | "…" [safe]: Ponctuation doublée : « .. ».
 *   3:34-3:36 "  " → " " [safe]: Espaces multiples : une seule suffit.
 *   4:31-4:33 " ." → "." [safe]: Pas d’espace avant le point.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Il a parlé, puis il est parti.
 *   Il a parlé, il est parti; il a dit: non. Quoi? Il part (AFP). Le soir.
 *   Ils sont venus, nombreux. Voilà tout.
 *   Jusqu’au Jour de la Victoire «.
 *
 * @example
 *   {"name": "ok-2.md"}
 *
 *   Une ligne terminée par deux espaces  
 *   fait un saut de ligne ; le `code ,, ici` reste tel quel.
 *
 *   ```
 *   du code ,avec  des espaces   
 *   ```
 */
import type {DocumentIndex} from '../src/parse/document.js'
import {defineRule, type RuleContext} from '../src/rules/kit.js'
import {isAddressLike, touchingRuns, type Run} from '../src/rules/runs.js'

type Report = RuleContext<unknown>['report']

const markNames: Readonly<Record<string, string>> = {
  ',': 'la virgule',
  ';': 'le point-virgule',
  ':': 'le deux-points',
  '!': 'le point d’exclamation',
  '?': 'le point d’interrogation',
  '…': 'les points de suspension',
  '...': 'les points de suspension',
  ')': 'la parenthèse fermante',
  '.': 'le point',
}
const clusterCharacter = /[.,;:!?…)]/
/**
 * A mark followed by anything: what a run needs for a message here (a mark glued to what
 * follows, or a mark doubled). A mark that ends its run ("politique,", "fin.") alone says
 * nothing; most runs are those.
 */
const clusterNotLast = /[.,;:!?…)][\s\S]/
const lineBreak = /[\n\r]/
const trailingSpace = /[ \t\u00A0\u202F]/
const letter = /\p{L}/u
const alphanumeric = /[\p{L}\p{N}]/u
const doubled = /^(?:,,|;;|::|\.\.)$/
const lineSpace = /^[ \t]+$/
const noBreakSpace = /[\u00A0\u202F]/
/** "ami(e)s", "(s)es", "(re)travailler", "(lui-)même": letters in parentheses inside a word. */
const parenthesisedLetters = /\((?:\p{Ll}{1,3}|\p{Ll}+-)\)$/u
const spaceBefore = /^[,).…]/
const lower = /^\p{Ll}/u

/** The mark that names a cluster of punctuation in a message ("le point" for ")."). */
function nameOf(cluster: string): string {
  if (cluster.endsWith('...')) return markNames['...']!
  return markNames[cluster.at(-1)!] ?? 'la ponctuation'
}

/** Punctuation glued to letters, inside runs of touching tokens. */
function checkRuns(index: DocumentIndex, report: Report): void {
  for (const run of touchingRuns(index)) {
    const text = run.text
    // Most runs hold no punctuation of the kind looked at here: one test, not one per character.
    if (!clusterNotLast.test(text) || isAddressLike(text)) continue
    checkRun(index, report, run)
  }
}

/**
 * The clusters of punctuation of a run that holds one not at its end. Apart from the loop
 * over runs, so that V8 optimises that loop once: a rarely taken branch here reoptimises
 * this function only.
 */
function checkRun(index: DocumentIndex, report: Report, run: Run): void {
  const text = run.text
  let at = 0
  while (at < text.length) {
    if (!clusterCharacter.test(text[at]!)) {
      at++
      continue
    }
    const start = at
    while (at < text.length && clusterCharacter.test(text[at]!)) at++
    const before = text[start - 1]
    const after = text[at]
    const followedByLetter = after !== undefined && letter.test(after)
    if (reportDoubled(index, report, run, start, at, followedByLetter)) continue
    if (!followedByLetter || start === 0) continue
    reportMissingSpace(report, run, start, at, before)
  }
}

/**
 * Whether the cluster of punctuation from `start` to `end` in the run is typed twice
 * (",," or ".."), reported unless the space before it is. Apart from checkRun, so that V8
 * optimises its loop once: this rarely taken branch reoptimises this function only.
 */
function reportDoubled(index: DocumentIndex, report: Report, run: Run, start: number, end: number, followedByLetter: boolean): boolean {
  const text = run.text
  const cluster = text.slice(start, end)
  // ",," or "..": typed twice; "..." is an ellipsis.
  if (!doubled.test(cluster) || text[start - 1] === '.' || text[end] === '.') return false
  if (start === 0 && precededBySpace(index, run.start)) return true // reported with the space before it
  const single = cluster[0]!
  const expected = single === '.' ? ['.', '…'] : [single]
  report(`Ponctuation doublée : « ${cluster} ».`, run.start + start, run.start + end, {
    expected: followedByLetter ? expected.map((value) => `${value} `) : expected,
  })
  return true
}

/**
 * The cluster of punctuation from `start` to `end` in the run (not at its start), followed
 * by a letter: a space missing after it, unless the cluster is glued for a reason. Apart
 * from checkRun for the same reason as reportDoubled.
 */
function reportMissingSpace(report: Report, run: Run, start: number, end: number, before: string | undefined): void {
  const text = run.text
  const cluster = text.slice(start, end)
  // "France.Le" is glued-words' (a sentence glued to the previous one).
  if (cluster === '.' && before !== undefined && alphanumeric.test(before)) return
  // "ami(e)s", "(s)es", "(re)travailler".
  if (cluster === ')' && parenthesisedLetters.test(text.slice(0, end))) return
  // ":D", ":p": an emoticon after a space, not a colon.
  if (cluster === ':' && (start === 0 || !letter.test(text[end + 1] ?? ''))) return
  report(`Il manque une espace après ${nameOf(cluster)}.`, run.start + start, run.start + end, {expected: [`${cluster} `]})
}

function precededBySpace(index: DocumentIndex, offset: number): boolean {
  const previous = index.source[offset - 1]
  return previous === ' ' || previous === '\t' || previous === '\u00A0' || previous === '\u202F'
}

/** Spaces before punctuation and doubled spaces, from the white-space tokens of prose. */
function checkSpaces(index: DocumentIndex, report: Report): void {
  const {tokens, source} = index
  for (let at = 1; at + 1 < tokens.length; at++) {
    const space = tokens[at]!
    if (space.kind !== 'whitespace' || (space.value !== ' ' && lineBreak.test(space.value))) continue
    const previous = tokens[at - 1]!
    const next = tokens[at + 1]!
    if (previous.block !== space.block || next.block !== space.block || previous.end !== space.start || next.start !== space.end) continue
    if (source.slice(space.start, space.end) !== space.value) continue
    if (next.kind === 'punctuation' && spaceBefore.test(next.value) && previous.kind !== 'source') {
      checkSpaceBeforeMark(index, report, at)
      continue
    }
    if (index.format !== 'html' && space.value.length > 1) checkMultipleSpaces(index, report, at)
  }
}

/**
 * The space at `at` before a mark that takes none (",", ".", ")", "…"). Apart from the loop
 * over white space, as the check of multiple spaces is, so that V8 optimises that loop once:
 * a rarely taken branch here reoptimises this function only.
 */
function checkSpaceBeforeMark(index: DocumentIndex, report: Report, at: number): void {
  const {tokens, source} = index
  const space = tokens[at]!
  const previous = tokens[at - 1]!
  const next = tokens[at + 1]!
  const mark = next.value.startsWith('...') ? '...' : next.value[0]!
  // "« … »", "( … )", "— …", "fin. …": an ellipsis standing for words left out.
  if ((mark === '…' || mark === '...') && previous.kind !== 'word') return
  // "précise : .": a stray stop after punctuation; removing the space would not help.
  if (mark !== '…' && mark !== '...' && previous.kind === 'punctuation' && /[:;,.!?…]$/.test(previous.value)) return
  const rest = next.value.slice(mark.length)
  const glued = source[next.end]
  // " ,," or " ..": the doubled mark goes with the space.
  const isDoubled = doubled.test(next.value)
  const single = isDoubled ? next.value[0]! : next.value
  const followedByLetter = glued !== undefined && letter.test(glued)
  // " .fr", " .txt": a file extension or a domain named in prose, not a misplaced stop.
  if (mark === '.' && next.value === '.' && glued !== undefined && lower.test(glued)) return
  const replacement = followedByLetter ? `${single} ` : single
  if (isDoubled) {
    report(`Ponctuation doublée : « ${next.value} ».`, space.start, next.end, {expected: [replacement]})
  } else if (rest === '' || /^[.,;:!?…)\]»”]+$/.test(rest)) {
    report(`Pas d’espace avant ${nameOf(mark)}.`, space.start, next.end, {expected: [replacement]})
  }
}

/** The white space at `at`, longer than one character: spaces or tabs typed more than once. */
function checkMultipleSpaces(index: DocumentIndex, report: Report, at: number): void {
  const {tokens} = index
  const space = tokens[at]!
  const previous = tokens[at - 1]!
  const next = tokens[at + 1]!
  if (!lineSpace.test(space.value) || noBreakSpace.test(space.value)) return
  if (next.kind === 'punctuation' && /^[;:!?»]/.test(next.value)) return
  if (previous.kind === 'punctuation' && previous.value === '«') return
  report('Espaces multiples : une seule suffit.', space.start, space.end, {expected: [' ']})
}

/**
 * Spaces at the end of lines and lines of spaces only. In Markdown only where prose is
 * (not in code blocks), and two spaces at the end of a line (a hard break) are left alone.
 */
function checkLines(index: DocumentIndex, report: Report): void {
  if (index.format === 'html') return
  const {source, lineStarts, blocks} = index
  const markdown = index.format === 'md'
  const inProse = (offset: number): boolean => {
    let low = 0
    let high = blocks.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const block = blocks[middle]!
      if (offset < block.start) high = middle - 1
      else if (offset > block.end) low = middle + 1
      else return true
    }
    return false
  }
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line]!
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : source.length
    while (end > start && (source[end - 1] === '\n' || source[end - 1] === '\r')) end--
    let contentEnd = end
    while (contentEnd > start && trailingSpace.test(source[contentEnd - 1]!)) contentEnd--
    if (contentEnd === end) continue
    if (contentEnd === start) {
      if (markdown && !(proseAround(index, line, inProse))) continue
      report('Ligne faite d’espaces seulement.', start, end, {expected: ['']})
      continue
    }
    if (markdown && (!inProse(contentEnd) || /^ {2,}$/.test(source.slice(contentEnd, end)))) continue
    report('Espace en fin de ligne.', contentEnd, end, {expected: ['']})
  }
}

/** In Markdown, a blank line is prose's only when the lines around it are prose (not code). */
function proseAround(index: DocumentIndex, line: number, inProse: (offset: number) => boolean): boolean {
  const {source, lineStarts} = index
  const lineText = (number: number): {start: number; text: string} => {
    const start = lineStarts[number]!
    const end = number + 1 < lineStarts.length ? lineStarts[number + 1]! : source.length
    let stop = end
    while (stop > start && (source[stop - 1] === '\n' || source[stop - 1] === '\r')) stop--
    return {start, text: source.slice(start, stop)}
  }
  let before = line - 1
  while (before >= 0 && lineText(before).text.trim() === '') before--
  let after = line + 1
  while (after < lineStarts.length && lineText(after).text.trim() === '') after++
  if (before < 0 || after >= lineStarts.length) return false
  const previous = lineText(before)
  const next = lineText(after)
  const previousEnd = previous.start + previous.text.trimEnd().length
  const nextStart = next.start + (next.text.length - next.text.trimStart().length)
  return inProse(previousEnd) && inProse(nextStart)
}

export default defineRule(
  {id: 'punctuation-spacing', summary: 'Espaces autour de la ponctuation (« parlé,il », « mot , mot »), espaces doubles ou en fin de ligne.', fix: 'safe'},
  ({index, report}) => {
    checkRuns(index, report)
    checkSpaces(index, report)
    checkLines(index, report)
  },
)
