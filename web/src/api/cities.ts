import type { CityList, PlanList } from '@eccar/shared'
import { getJson } from './http'

/** One page of the cities, by name; the answer's `total` counts them all. */
export const listCities = (page: { limit: number, offset: number }) => getJson<CityList>('/cities', page)
export const listPlansOfCity = (city: string) => getJson<PlanList>(`/cities/${encodeURIComponent(city)}/plans`)
