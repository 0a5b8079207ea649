/** Form values: what inputs hold (strings, numbers, booleans, lists of ids or of small records). */
export type FormValues = Record<string, unknown>

/** Order-sensitive deep equality of plain JSON-like values (form values only, no dates or maps). */
export function sameValue (a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    return ka.length === kb.length && ka.every((k) => sameValue((a as FormValues)[k], (b as FormValues)[k]))
  }
  return false
}

/**
 * Deep copy of form values, so a draft never shares arrays with the values it started from. Form
 * values are plain JSON (and may be reactive proxies, which structuredClone refuses).
 */
export function cloneValues<F> (values: F): F {
  return values === undefined ? values : JSON.parse(JSON.stringify(values)) as F
}

/** The fields of `draft` that differ from `original` (only those are sent with a PATCH). */
export function changedFields<F extends FormValues> (original: F, draft: F): Partial<F> {
  const changes: Partial<F> = {}
  for (const key of Object.keys(draft) as (keyof F)[]) {
    if (!sameValue(original[key], draft[key])) changes[key] = cloneValues(draft[key])
  }
  return changes
}

export interface ConflictRow<K extends string = string> {
  field: K
  /** What this person entered. */
  mine: unknown
  /** What is saved now, after someone else's change. */
  current: unknown
  changedByMe: boolean
  changedByOther: boolean
}

/**
 * The fields that matter after a 412: those this person changed, and those someone else changed
 * meanwhile (compared with the values this person started from). Fields in `order` come first.
 */
export function conflictRows<F extends FormValues> (original: F, draft: F, current: F, order: readonly (keyof F & string)[] = []): ConflictRow<keyof F & string>[] {
  const keys = [...new Set([...order, ...Object.keys(draft)])] as (keyof F & string)[]
  return keys.flatMap((field) => {
    const changedByMe = !sameValue(original[field], draft[field])
    const changedByOther = !sameValue(original[field], current[field])
    if (!changedByMe && !changedByOther) return []
    return [{ field, mine: draft[field], current: current[field], changedByMe, changedByOther }]
  })
}

/** This person's changes laid over the values saved now: what "apply my changes again" saves. */
export function reapplyChanges<F extends FormValues> (original: F, draft: F, current: F): F {
  return { ...cloneValues(current), ...changedFields(original, draft) }
}

/** Empty text becomes null (the API's "not set"); other text is trimmed. */
export function textOrNull (value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
