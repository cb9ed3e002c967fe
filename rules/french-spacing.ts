/**
 * ## french-spacing
 *
 * French typography puts a no-break space before the high marks « : ; ! ? » and the
 * closing guillemets « » › », and after the opening guillemets « « ‹ » (Imprimerie
 * nationale, *Lexique des règles typographiques*): the space keeps the mark from starting
 * a line alone. This rule flags:
 *
 * - a missing space ("Quoi?", "Mali: le", "«se tiendrait»");
 * - an ordinary space where a no-break one is wanted ("dit : oui" typed with the space
 *   bar), a message of its own;
 * - several spaces there ("dit  : oui");
 * - the other kind of no-break space than the house's (option `space`), or, when the
 *   house accepts either, a mix of both kinds in one article for the same marks.
 *
 * Options:
 *
 * - `space`: `"any"` (default) accepts U+00A0 (no-break space) and U+202F (narrow
 *   no-break space), but one article follows one convention: U+00A0 everywhere; the
 *   Imprimerie nationale’s, U+202F before ; ! ? and U+00A0 before the colon and inside
 *   guillemets; or U+202F everywhere (U+00A0 before the colon allowed). A space that departs
 *   from the convention the article follows best is flagged. `"nbsp"` asks for U+00A0
 *   everywhere; `"nnbsp"` for U+202F before ; ! ? and inside guillemets (before the colon,
 *   U+00A0 or U+202F). Fixes insert the space of the convention (U+00A0 when none is seen).
 * - `profile`: `"fr-FR"` (default) or `"fr-CA"`: in Québec usage (Office québécois de la
 *   langue française) no space goes before ; ! ?, and a space there is flagged.
 * - `allowOrdinarySpace`: `true` accepts an ordinary space where a no-break one is wanted,
 *   unless the article uses at least as many no-break spaces as ordinary ones there (then
 *   the ordinary ones are slips: a no-break space is typed on purpose or set by a
 *   typesetting tool, an ordinary one comes from the space bar; "Note : … Hélas !" with one
 *   of each is an article typeset with no-break spaces and one slip). The `recommended` preset sets it: scraped and web copy has
 *   ordinary spaces almost everywhere (none of the 1,000 corpus articles has a no-break
 *   space; 1,998 ordinary spaces at these places against 606 missing ones), and the
 *   missing space is the defect worth a message there. `strict` flags every ordinary space.
 *
 * Never flagged: URLs, e-mail addresses and paths ("https://exemple.fr/?q=1"), times and
 * ratios ("20:30", "3:1"), code, emoticons (":-)", ";)"), doubled marks ("?!", "!!": the
 * space goes before the first), a mark after an ellipsis ("…?"), guillemets pointing the
 * wrong way ("Victoire« .", the `quotes` rule’s), and line breaks. The spaces of numbers,
 * units and % are the `number-format` rule’s; the spaces after , ; : ! ? are
 * `punctuation-spacing`’s.
 *
 * Fix: safe (the space inserted, replaced or removed).
 *
 * @example
 *   {"name": "ok.txt"}
 *
 *   Il a dit : « Non ! » ; puis : « Vraiment ?! » Oui.
 *   Rendez-vous à 20:30, cote 3:1, sur https://exemple.fr/page?id=3 ; merci :-) et ;)
 *   Lui…? Elle : « ‹ Toi › ».
 *
 * @example
 *   {"name": "not-ok.txt", "label": "input"}
 *
 *   Mali: le coup d’État.
 *   Il a demandé: «Pourquoi?» Personne ne savait!
 *   Il dit  : oui ; elle aussi.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "output"}
 *
 *   1:5-1:6 ":" → " :" [safe]: Il manque une espace insécable avant le deux-points.
 *   2:13-2:14 ":" → " :" [safe]: Il manque une espace insécable avant le deux-points.
 *   2:15-2:16 "«" → "« " [safe]: Il manque une espace insécable après le guillemet ouvrant.
 *   2:24-2:25 "?" → " ?" [safe]: Il manque une espace insécable avant le point d’interrogation.
 *   2:25-2:26 "»" → " »" [safe]: Il manque une espace insécable avant le guillemet fermant.
 *   2:45-2:46 "!" → " !" [safe]: Il manque une espace insécable avant le point d’exclamation.
 *   3:7-3:9 "  " → " " [safe]: Espaces multiples avant le deux-points : une seule espace insécable.
 *
 * @example
 *   {"name": "not-ok.txt", "label": "fixed"}
 *
 *   Mali : le coup d’État.
 *   Il a demandé : « Pourquoi ? » Personne ne savait !
 *   Il dit : oui ; elle aussi.
 *
 * @example
 *   {"name": "ordinary.txt", "label": "input"}
 *
 *   Il a dit : « oui ».
 *
 * @example
 *   {"name": "ordinary.txt", "label": "output"}
 *
 *   1:9-1:10 " " → " " [safe]: Espace ordinaire avant le deux-points : il faut une espace insécable.
 *   1:13-1:14 " " → " " [safe]: Espace ordinaire après le guillemet ouvrant : il faut une espace insécable.
 *   1:17-1:18 " " → " " [safe]: Espace ordinaire avant le guillemet fermant : il faut une espace insécable.
 *
 * @example
 *   {"name": "ordinary.txt", "label": "fixed"}
 *
 *   Il a dit : « oui ».
 *
 * @example
 *   {"name": "ok-allowed.txt", "config": {"allowOrdinarySpace": true}}
 *
 *   Il a dit : « oui ». Et lui ? Rien !
 *
 * @example
 *   {"name": "mixed.txt", "label": "input", "config": {"allowOrdinarySpace": true}}
 *
 *   Il a dit : « oui ». Et lui ? Rien ! Et vous ?
 *
 * @example
 *   {"name": "mixed.txt", "label": "output", "config": {"allowOrdinarySpace": true}}
 *
 *   1:44-1:45 " " → " " [safe]: Espace ordinaire avant le point d’interrogation, mais insécable ailleurs dans l’article : un seul choix.
 *
 * @example
 *   {"name": "mixed-tie.txt", "label": "input", "config": {"allowOrdinarySpace": true}}
 *
 *   Post-scriptum : nous reviendrons l’an prochain !
 *
 * @example
 *   {"name": "mixed-tie.txt", "label": "output", "config": {"allowOrdinarySpace": true}}
 *
 *   1:14-1:15 " " → " " [safe]: Espace ordinaire avant le deux-points, mais insécable ailleurs dans l’article : un seul choix.
 *
 * @example
 *   {"name": "mixed-tie.txt", "label": "fixed", "config": {"allowOrdinarySpace": true}}
 *
 *   Post-scriptum : nous reviendrons l’an prochain !
 *
 * @example
 *   {"name": "consistency.txt", "label": "input"}
 *
 *   Et lui ? Rien ! Et vous ? Et elle ?
 *
 * @example
 *   {"name": "consistency.txt", "label": "output"}
 *
 *   1:24-1:25 " " → " " [safe]: Espace insécable avant le point d’interrogation, mais espace fine insécable ailleurs dans l’article : un seul choix.
 *
 * @example
 *   {"name": "ok-imprimerie-nationale.txt"}
 *
 *   Il a dit : « Non ! » Et vous ? Rien ; pas un mot !
 *
 * @example
 *   {"name": "ok-narrow.txt"}
 *
 *   Il a dit : « Non ! » Et vous ? Rien ; pas un mot !
 *
 * @example
 *   {"name": "narrow.txt", "label": "input", "config": {"space": "nnbsp"}}
 *
 *   Il dit : « Non ! »
 *
 * @example
 *   {"name": "narrow.txt", "label": "output", "config": {"space": "nnbsp"}}
 *
 *   1:11-1:12 " " → " " [safe]: Espace insécable après le guillemet ouvrant : la maison veut une espace fine insécable.
 *   1:15-1:16 " " → " " [safe]: Espace insécable avant le point d’exclamation : la maison veut une espace fine insécable.
 *
 * @example
 *   {"name": "quebec.txt", "label": "input", "config": {"profile": "fr-CA", "allowOrdinarySpace": true}}
 *
 *   Viens ici ! Pourquoi? Parce que : voilà ; fin.
 *
 * @example
 *   {"name": "quebec.txt", "label": "output", "config": {"profile": "fr-CA", "allowOrdinarySpace": true}}
 *
 *   1:10-1:12 " !" → "!" [safe]: Pas d’espace avant le point d’exclamation (usage québécois).
 *   1:40-1:42 " ;" → ";" [safe]: Pas d’espace avant le point-virgule (usage québécois).
 *
 * @example
 *   {"name": "quebec.txt", "label": "fixed", "config": {"profile": "fr-CA", "allowOrdinarySpace": true}}
 *
 *   Viens ici! Pourquoi? Parce que : voilà; fin.
 *
 * @example
 *   {"name": "ok-2.md"}
 *
 *   Le code `a:b` et `x ?y` reste tel quel ; voir [le site](https://exemple.fr/?a=1:2).
 *
 *       Bloc:de code?
 */
import type {DocumentIndex, Token} from '../src/parse/document.js'
import {defineRule} from '../src/rules/kit.js'
import {
  addressTokens,
  isInlineSpace,
  isSpaceChoice,
  narrowNoBreakSpace,
  noBreakSpace,
  optionsObject,
  touchingBefore,
  type SpaceChoice,
} from '../src/rules/typography.js'

export interface FrenchSpacingOptions {
  readonly space?: SpaceChoice
  readonly profile?: 'fr-FR' | 'fr-CA'
  readonly allowOrdinarySpace?: boolean
}

const markNames: Readonly<Record<string, string>> = {
  ':': 'le deux-points',
  ';': 'le point-virgule',
  '!': 'le point d’exclamation',
  '?': 'le point d’interrogation',
  '»': 'le guillemet fermant',
  '›': 'le guillemet simple fermant',
  '«': 'le guillemet ouvrant',
  '‹': 'le guillemet simple ouvrant',
}
/** Marks that take a space before them, and after them. */
const spaceBefore = new Set([':', ';', '!', '?', '»', '›'])
const spaceAfter = new Set(['«', '‹'])
/** Marks without a space before them in Québec usage. */
const quebecBare = new Set([';', '!', '?'])
/** A mark after these (touching) belongs to a cluster: "?!", "!!", "…?", ";)" — no space inside. */
const clusterEnd = /[!?;:.…]$/
const digit = /\d/
const letter = /\p{L}/u
const emoticon = /^[:;]-?[()DPpOo3|/\\[\]*]+(?=$|[\s.,!?»"])/

/** Where a space is wanted: before or after which mark, and which kind of space is there. */
interface Place {
  readonly mark: string
  readonly side: 'before' | 'after'
  /** The white-space token (absent when the space is missing). */
  readonly space: Token | undefined
  /** The mark's token. */
  readonly token: Token
}

/** Kinds of space a place may hold. */
type SpaceKind = 'nbsp' | 'nnbsp' | 'ordinary' | 'multiple'

function kindOf(space: Token): SpaceKind {
  if (space.value === noBreakSpace) return 'nbsp'
  if (space.value === narrowNoBreakSpace) return 'nnbsp'
  if (space.value === ' ') return 'ordinary'
  return 'multiple'
}

/** The colon takes a full no-break space; the other marks may take the narrow one. */
const isColonClass = (mark: string): boolean => mark === ':'

/** Marks that share a space in every convention: the colon, the guillemets, and ; ! ?. */
type MarkClass = 'colon' | 'guillemet' | 'high'
const classOf = (mark: string): MarkClass => (mark === ':' ? 'colon' : mark === ';' || mark === '!' || mark === '?' ? 'high' : 'guillemet')
type NoBreak = 'nbsp' | 'nnbsp'

/**
 * The conventions an article may follow when the house accepts either no-break space
 * (`space: "any"`), preferred in this order on a tie: U+00A0 everywhere; the Imprimerie
 * nationale's, U+202F before ; ! ? and U+00A0 before the colon and inside guillemets; U+202F
 * everywhere (the colon may keep U+00A0: `majority` is the article's choice there).
 */
const conventions: ReadonlyArray<Readonly<Record<MarkClass, NoBreak | 'majority'>>> = [
  {colon: 'nbsp', guillemet: 'nbsp', high: 'nbsp'},
  {colon: 'nbsp', guillemet: 'nbsp', high: 'nnbsp'},
  {colon: 'majority', guillemet: 'nnbsp', high: 'nnbsp'},
]

/** The convention the article's no-break spaces follow best, as the space wanted per class. */
function articleConvention(counts: Readonly<Record<MarkClass, Record<NoBreak, number>>>): Record<MarkClass, NoBreak> {
  let best: Record<MarkClass, NoBreak> | undefined
  let bestSlips = Infinity
  for (const convention of conventions) {
    const wanted = {} as Record<MarkClass, NoBreak>
    let slips = 0
    for (const markClass of ['colon', 'guillemet', 'high'] as const) {
      const {nbsp, nnbsp} = counts[markClass]
      const space = convention[markClass] === 'majority' ? (nnbsp > nbsp ? 'nnbsp' : 'nbsp') : convention[markClass]
      wanted[markClass] = space as NoBreak
      slips += space === 'nbsp' ? nnbsp : nbsp
    }
    if (slips < bestSlips) {
      best = wanted
      bestSlips = slips
    }
  }
  return best!
}

/** Every place of the article where a no-break space is wanted, with what is there. */
function findPlaces(index: DocumentIndex): Place[] {
  const {tokens} = index
  const addresses = addressTokens(index)
  const places: Place[] = []
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    if (token.kind !== 'punctuation' || addresses[at] === 1) continue
    const mark = token.value.charAt(0)
    if (spaceBefore.has(mark)) {
      const place = placeBefore(index, at, mark)
      if (place) places.push(place)
    }
    const last = token.value.at(-1)!
    if (spaceAfter.has(last) && token.value.length === 1) {
      const place = placeAfter(index, at, last)
      if (place) places.push(place)
    }
  }
  return places
}

/**
 * The place after an opening guillemet, if a space is wanted there. Apart from the loop
 * of findPlaces, as placeBefore is, so that V8 optimises that loop once: a rarely taken
 * branch here reoptimises this function only.
 */
function placeAfter(index: DocumentIndex, at: number, mark: string): Place | undefined {
  const {tokens, source} = index
  const token = tokens[at]!
  const after = tokens[at + 1]
  if (!after || after.block !== token.block) return undefined
  const glued = touchingBefore(index, at)
  // "Victoire« .": a guillemet glued after a word closes — pointing the wrong way (quotes).
  if (glued && glued.kind === 'word') return undefined
  if (after.kind === 'whitespace') {
    if (isInlineSpace(after) && tokens[at + 2]?.block === token.block) return {mark, side: 'after', space: after, token}
  } else if (after.start === token.end && after.kind !== 'source' && source[token.end] !== undefined && !/\s/.test(source[token.end]!)) {
    return {mark, side: 'after', space: undefined, token}
  }
  return undefined
}

function placeBefore(index: DocumentIndex, at: number, mark: string): Place | undefined {
  const {tokens, source} = index
  const token = tokens[at]!
  const previous = tokens[at - 1]
  if (!previous || previous.block !== token.block) return undefined
  if (mark === ':' || mark === ';') {
    // ":-)", ";)": an emoticon, not a mark.
    if (emoticon.test(source.slice(token.start, token.start + 6))) return undefined
    // "20:30", "3:1" (normally one word; also when split by markup).
    if (mark === ':' && digit.test(source[token.start - 1] ?? '') && digit.test(source[token.end] ?? '')) return undefined
  }
  if (previous.kind === 'whitespace') {
    if (!isInlineSpace(previous)) return undefined
    const before = tokens[at - 2]
    if (!before || before.block !== token.block || before.kind === 'source') return undefined
    // "« ?", ": ;": a mark after an opening guillemet or another mark is not prose spacing.
    if (before.kind === 'punctuation' && /[«‹(\[:;!?]$/.test(before.value)) return undefined
    // "mot »Elle": a closing guillemet glued to the next word points the wrong way (quotes).
    if ((mark === '»' || mark === '›') && letter.test(source[token.end] ?? '')) return undefined
    return {mark, side: 'before', space: previous, token}
  }
  const glued = touchingBefore(index, at)
  if (!glued || glued.kind === 'source') return undefined
  const closing = mark === '»' || mark === '›'
  // "?!", "!!", "…?" — the space goes before the first mark of a cluster; but "?»" takes one.
  if (glued.kind === 'punctuation' && !closing && clusterEnd.test(glued.value)) return undefined
  // "«»", "(»": nothing quoted.
  if (glued.kind === 'punctuation' && closing && /[«‹(\[]$/.test(glued.value)) return undefined
  // "»" glued to a following word as well as a preceding one: a quote glued between two words (quotes).
  if (closing && letter.test(source[token.end] ?? '')) return undefined
  return {mark, side: 'before', space: undefined, token}
}

export default defineRule<FrenchSpacingOptions>(
  {
    id: 'french-spacing',
    summary: 'Espace insécable avant : ; ! ? et le guillemet fermant, après le guillemet ouvrant (« Quoi? » → « Quoi ? »).',
    fix: 'safe',
    options: {
      space: {
        type: 'string',
        enum: ['any', 'nbsp', 'nnbsp'],
        default: 'any',
        description: 'Espace voulue : any (une convention par article), nbsp (U+00A0 partout), nnbsp (U+202F avant ; ! ? et dans les guillemets).',
      },
      profile: {type: 'string', enum: ['fr-FR', 'fr-CA'], default: 'fr-FR', description: 'fr-CA : pas d’espace avant ; ! ? (usage québécois).'},
      allowOrdinarySpace: {type: 'boolean', default: false, description: 'Accepter une espace ordinaire là où une insécable est voulue, sauf si l’article emploie au moins autant d’insécables.'},
    },
  },
  ({index, options, report}) => {
    const settings = optionsObject(options)
    const choice: SpaceChoice = isSpaceChoice(settings['space']) ? settings['space'] : 'any'
    const quebec = settings['profile'] === 'fr-CA'
    const allowOrdinary = settings['allowOrdinarySpace'] === true
    const places = findPlaces(index)

    // The article's choices, for the consistency checks.
    let ordinaryCount = 0
    let noBreakCount = 0
    const counts: Record<MarkClass, Record<NoBreak, number>> = {colon: {nbsp: 0, nnbsp: 0}, guillemet: {nbsp: 0, nnbsp: 0}, high: {nbsp: 0, nnbsp: 0}}
    for (const place of places) {
      if (!place.space || (quebec && quebecBare.has(place.mark))) continue
      const kind = kindOf(place.space)
      if (kind === 'ordinary') ordinaryCount++
      else if (kind === 'nbsp' || kind === 'nnbsp') {
        noBreakCount++
        counts[classOf(place.mark)][kind]++
      }
    }
    // No-break spaces are typed on purpose (or set by a typesetting tool), ordinary ones by the
    // space bar: as many no-break spaces as ordinary ones make the ordinary ones the slips.
    const flagOrdinary = !allowOrdinary || (noBreakCount > 0 && noBreakCount >= ordinaryCount)
    const convention = articleConvention(counts)

    /** The space the house wants at this place. */
    const wanted = (mark: string): string => {
      if (choice === 'nnbsp') return isColonClass(mark) ? noBreakSpace : narrowNoBreakSpace
      if (choice === 'nbsp') return noBreakSpace
      return convention[classOf(mark)] === 'nnbsp' ? narrowNoBreakSpace : noBreakSpace
    }

    for (const place of places) {
      const {mark, side, space, token} = place
      const name = markNames[mark]!
      const insert = wanted(mark)
      if (quebec && quebecBare.has(mark)) {
        if (space) report(`Pas d’espace avant ${name} (usage québécois).`, space.start, token.start + 1, {expected: [mark]})
        continue
      }
      if (!space && token.end - token.start !== mark.length) {
        // The mark is a character reference (`&laquo;`): the space goes beside it, the
        // reference stays as written.
        const at = side === 'before' ? token.start : token.end
        report(`Il manque une espace insécable ${side === 'before' ? 'avant' : 'après'} ${name}.`, at, at, {expected: [insert]})
        continue
      }
      if (!space) {
        const start = side === 'before' ? token.start : token.end - 1
        report(`Il manque une espace insécable ${side === 'before' ? 'avant' : 'après'} ${name}.`, start, start + 1, {
          expected: [side === 'before' ? insert + mark : mark + insert],
        })
        continue
      }
      const where = `${side === 'before' ? 'avant' : 'après'} ${name}`
      const kind = kindOf(space)
      if (kind === 'multiple') {
        report(`Espaces multiples ${where} : une seule espace insécable.`, space.start, space.end, {expected: [insert]})
      } else if (kind === 'ordinary') {
        if (!flagOrdinary) continue
        const reason = allowOrdinary
          ? `Espace ordinaire ${where}, mais insécable ailleurs dans l’article : un seul choix.`
          : `Espace ordinaire ${where} : il faut une espace insécable.`
        report(reason, space.start, space.end, {expected: [insert]})
      } else if (choice === 'nbsp' && kind === 'nnbsp') {
        report(`Espace fine ${where} : la maison veut une espace insécable.`, space.start, space.end, {expected: [noBreakSpace]})
      } else if (choice === 'nnbsp' && kind === 'nbsp' && !isColonClass(mark)) {
        report(`Espace insécable ${where} : la maison veut une espace fine insécable.`, space.start, space.end, {expected: [narrowNoBreakSpace]})
      } else if (choice === 'any') {
        if (kind === 'nbsp' && insert === narrowNoBreakSpace) {
          report(`Espace insécable ${where}, mais espace fine insécable ailleurs dans l’article : un seul choix.`, space.start, space.end, {
            expected: [narrowNoBreakSpace],
          })
        } else if (kind === 'nnbsp' && insert === noBreakSpace) {
          report(`Espace fine insécable ${where}, mais espace insécable ailleurs dans l’article : un seul choix.`, space.start, space.end, {
            expected: [noBreakSpace],
          })
        }
      }
    }
  },
)
