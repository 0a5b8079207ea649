import adminDe from '@/i18n/locales/admin.de'
import adminEn from '@/i18n/locales/admin.en'
import reportingDe from '@/i18n/locales/reporting.de'
import reportingEn from '@/i18n/locales/reporting.en'
import incidentsDe from '@/i18n/locales/incidents.de'
import incidentsEn from '@/i18n/locales/incidents.en'
import errorsDe from '@/i18n/locales/errors.de'
import errorsEn from '@/i18n/locales/errors.en'

/** The bundles the router loads with their pages, up front: components mounted alone need them too. */
export const allMessageBundles = [{ de: adminDe, en: adminEn }, { de: reportingDe, en: reportingEn }, { de: incidentsDe, en: incidentsEn }, { de: errorsDe, en: errorsEn }]
