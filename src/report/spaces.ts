/**
 * No-break spaces drawn as marks where people read suggestions (the stylish report, the
 * editor's quick fixes): a terminal or a menu shows them as blanks, and a suggestion of one
 * space read as empty guillemets.
 */
const spaceMarks: ReadonlyArray<readonly [string, string, string]> = [
  ['\u00A0', '␣', 'espace insécable (U+00A0)'],
  ['\u202F', '⍽', 'espace fine insécable (U+202F)'],
]
const markOf = new Map(spaceMarks.map(([space, mark]) => [space, mark]))
const nameOf = new Map(spaceMarks.map(([, mark, name]) => [mark, name]))

/** A replacement as shown to people: no-break spaces as marks (added to `marksUsed`), spaces alone named. */
export function visibleReplacement(value: string, marksUsed?: Set<string>): string {
  if (value === '') return '(supprimer)'
  if (/^ +$/.test(value)) return value.length === 1 ? '(une espace)' : `(${value.length} espaces)`
  return `« ${value.replace(/[\u00A0\u202F]/g, (space) => {
    const mark = markOf.get(space)!
    marksUsed?.add(mark)
    return mark
  })} »`
}

/** "␣ espace insécable (U+00A0) ; ⍽ …" for the marks used. */
export function spaceLegend(marksUsed: Iterable<string>): string {
  return [...marksUsed].map((mark) => `${mark} ${nameOf.get(mark)}`).join(' ; ')
}
