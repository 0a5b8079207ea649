import { roleAtLeast } from './roles.ts'
import type { CycleState, Role } from './vocabulary.ts'

/**
 * A reporting cycle's way to submission and who may take each step. Editors hand a draft in for review
 * and take it back; the steering group's approval, its withdrawal and the submission are the admin's.
 * Nothing follows submission: the report is frozen.
 *
 * The server enforces these rules and the web app offers exactly the steps they allow: both import them
 * from here, so an offered button never meets a refusal.
 */
const transitions: Readonly<Record<CycleState, Partial<Record<CycleState, Role>>>> = {
  open: { in_review: 'editor' },
  in_review: { open: 'editor', approved: 'admin' },
  approved: { in_review: 'admin', submitted: 'admin' },
  submitted: {},
}

/** The role a step needs, or null when the step is not allowed at all. */
export const transitionRole = (from: CycleState, to: CycleState): Role | null => transitions[from][to] ?? null

/** Every state the cycle may move to from `from`, whoever asks. */
export const nextStates = (from: CycleState) => Object.keys(transitions[from]) as CycleState[]

/** The steps a person with `role` may take from `state`. */
export function availableTransitions (state: CycleState, role: Role | null): CycleState[] {
  return nextStates(state).filter((to) => roleAtLeast(role, transitions[state][to]!))
}

/** Title, period and narratives can change until the steering group has approved the report. */
export const isEditable = (state: CycleState) => state === 'open' || state === 'in_review'

/** Narratives can be written by editors and admins while the cycle is editable. */
export const mayEditNarratives = (state: CycleState, role: Role | null) => isEditable(state) && roleAtLeast(role, 'editor')

/** The steps that freeze the report's texts need every commitment complete. */
export const needsCompleteness = (to: CycleState) => to === 'approved' || to === 'submitted'
