import type { CreatePlan, CreatePlanSuccessor, PlanDetail, PlanState, PlanSummary } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import * as api from '@/api/admin/plan-admin'
import type { UploadProgress } from '@/api/upload'
import { useAdminPlanStore } from './admin-plan'
import { usePlansStore } from './plans'

/**
 * The plans' life cycle for the city's administrators: create, delete a draft, adopt and close, plan
 * files in and out, the plan update. Every write reads the city's plan list again, which the plan list
 * (admin-plan store) holds, and makes the public pages forget what they cached.
 */
export const useAdminPlanFilesStore = defineStore('admin-plan-files', () => {
  const plans = useAdminPlanStore()

  async function refresh (city: string, ...forget: number[]) {
    for (const id of forget) usePlansStore().forget(id)
    await plans.loadCityPlans(city)
  }

  async function createPlan (city: string, body: CreatePlan): Promise<PlanDetail> {
    const plan = await api.createPlan(city, body)
    await refresh(city)
    return plan
  }

  async function deletePlan (plan: PlanSummary) {
    await api.deletePlan(plan.id, plan.version)
    await refresh(plan.citySlug, plan.id)
  }

  /** Adopting a draft or closing an adopted plan: a change of state with the version read. */
  async function changeState (plan: PlanSummary, state: PlanState) {
    const saved = await plans.savePlan(plan.id, { state }, plan.version)
    await refresh(plan.citySlug, plan.id)
    return saved
  }

  const previewImport = (city: string, file: File, onProgress: (p: UploadProgress) => void) => api.previewPlanImport(city, file, onProgress)

  async function importPlan (city: string, file: File, onProgress: (p: UploadProgress) => void) {
    const result = await api.importPlan(city, file, onProgress)
    await refresh(city)
    return result
  }

  async function createSuccessor (city: string, planId: number, body: CreatePlanSuccessor) {
    const result = await api.createSuccessor(planId, body)
    await refresh(city, planId)
    return result
  }

  return { createPlan, deletePlan, changeState, previewImport, importPlan, createSuccessor }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminPlanFilesStore, import.meta.hot))
