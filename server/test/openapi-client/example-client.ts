// An example client written only against the types openapi-typescript generates from /api/openapi.json
// (openapi-client.test.ts writes them next to a copy of this file as `openapi.ts` and type-checks both).
// It names the contracts as a third-party client would; if a named schema disappears, it stops compiling.
import type { components, paths } from './openapi.ts'

type Schemas = components['schemas']
export type CityList = Schemas['CityList']
export type PlanFile = Schemas['PlanFile']
export type PlanFileMeasure = Schemas['PlanFileMeasure']
export type PlanImportResult = Schemas['PlanImportResult']
export type ApiError = Schemas['ApiError']

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never
type ExportAnswer = JsonOf<paths['/api/plans/{id}/export']['get']['responses'][200]>
type ImportBody = NonNullable<paths['/api/cities/{city}/plans/import']['post']['requestBody']>['content']['application/json']

// The operations refer to the named schemas, so a plan file read from one call can be sent to the other.
const exportIsPlanFile: (answer: ExportAnswer) => PlanFile = (answer) => answer
const planFileIsImportBody: (file: PlanFile) => ImportBody = (file) => file

export class ApiClientError extends Error {
  constructor (readonly status: number, readonly body: ApiError) {
    super(`${status} ${body.code}: ${body.message}`)
  }
}

export function createClient (baseUrl: string, headers: Record<string, string> = {}) {
  async function call<Answer> (method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json: unknown = await res.json()
    if (!res.ok) throw new ApiClientError(res.status, json as ApiError)
    return json as Answer
  }

  return {
    cities: () => call<CityList>('GET', '/api/cities'),
    exportPlan: async (id: number) => exportIsPlanFile(await call<ExportAnswer>('GET', `/api/plans/${id}/export`)),
    importPlan: (city: string, file: PlanFile) => call<PlanImportResult>('POST', `/api/cities/${city}/plans/import`, planFileIsImportBody(file)),
  }
}

/** The measure codes of a plan file, by their primary commitment. */
export function codesByCommitment (file: PlanFile): Map<number, string[]> {
  const codes = new Map<number, string[]>()
  for (const measure of file.measures as PlanFileMeasure[]) {
    codes.set(measure.primaryCommitment, [...(codes.get(measure.primaryCommitment) ?? []), measure.code])
  }
  return codes
}
