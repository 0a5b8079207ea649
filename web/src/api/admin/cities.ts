import type { City, CreateCity } from '@eccar/shared'
import { sendJson } from '@/api/http'

/** Platform administrators only. */
export const createCity = (body: CreateCity) => sendJson<City>('POST', '/cities', body)
