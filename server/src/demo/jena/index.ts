import { defaultOpenDataLicence, type PlanFile, type PlanFileCommitment, type PlanFileMeasure, type PlanFileOrganisation } from '@eccar/shared'
import measures0105 from './measures-01-05.json' with { type: 'json' }
import measures0610 from './measures-06-10.json' with { type: 'json' }
import organisations from './organisations.json' with { type: 'json' }
import plan from './plan.json' with { type: 'json' }

/**
 * The City of Jena's 10-Punkte-Aktionsplan 2022–2023 (seeds/004), as a plan file. Kept in parts so
 * reviewers can compare each against the source: plan and commitment texts, organisations, and
 * the measures of commitments 1–5 and 6–10.
 */
export const jenaPlanFile = {
  format: 'eccar-action-plan',
  formatVersion: 1,
  plan: plan.plan,
  commitments: plan.commitments as PlanFileCommitment[],
  organisations: organisations as PlanFileOrganisation[],
  measures: [...measures0105, ...measures0610] as PlanFileMeasure[],
} as PlanFile

export const jenaCity = { slug: 'jena', name: 'Jena' }

/**
 * Jena's open data: the default licence in the city's name, and its Amtlicher Gemeindeschlüssel (Thüringen 16,
 * kreisfreie Stadt 053), so the demo catalogue carries DCAT-AP.de's political geocoding. No GovData contributor
 * ID: GovData assigns one to a city that registers, and the demo is not registered.
 */
export const jenaOpenData = {
  licence: defaultOpenDataLicence, publisherName: jenaCity.name, contactEmail: null, municipalityKey: '16053000', contributorId: null,
}
