import { Type, type Static } from 'typebox'
import { CommitmentNumberSchema } from './common.ts'

export const ExampleActionSchema = Type.Object({
  key: Type.String({ description: 'Stable key, e.g. `6.c`' }),
  commitmentNumber: CommitmentNumberSchema,
  textEn: Type.String(),
  textDe: Type.String(),
}, { title: 'ExampleAction', description: 'An example action ECCAR lists for a commitment.' })
export type ExampleAction = Static<typeof ExampleActionSchema>

export const CommitmentSchema = Type.Object({
  number: CommitmentNumberSchema,
  titleEn: Type.String({ description: 'Official ECCAR title' }),
  titleDe: Type.String({ description: 'German title used by German member cities' }),
  aimEn: Type.String(),
  aimDe: Type.String(),
  exampleActions: Type.Array(ExampleActionSchema),
}, { title: 'Commitment' })
export type Commitment = Static<typeof CommitmentSchema>

export const CommitmentListSchema = Type.Object({ items: Type.Array(CommitmentSchema) }, { title: 'CommitmentList' })
export type CommitmentList = Static<typeof CommitmentListSchema>
