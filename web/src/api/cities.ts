import type { CityList, PlanList } from '@eccar/shared'
import { getJson } from './http'

export const listCities = () => getJson<CityList>('/cities')
export const listPlansOfCity = (city: string) => getJson<PlanList>(`/cities/${encodeURIComponent(city)}/plans`)
