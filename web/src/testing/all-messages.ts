import adminDe from '@/i18n/locales/admin.de'
import adminEn from '@/i18n/locales/admin.en'
import reportingDe from '@/i18n/locales/reporting.de'
import reportingEn from '@/i18n/locales/reporting.en'
import incidentsDe from '@/i18n/locales/incidents.de'
import incidentsEn from '@/i18n/locales/incidents.en'
import errorsDe from '@/i18n/locales/errors.de'
import errorsEn from '@/i18n/locales/errors.en'
import mailDe from '@/i18n/locales/mail.de'
import mailEn from '@/i18n/locales/mail.en'
import openDataDe from '@/i18n/locales/open-data.de'
import openDataEn from '@/i18n/locales/open-data.en'
import spreadsheetsDe from '@/i18n/locales/spreadsheets.de'
import spreadsheetsEn from '@/i18n/locales/spreadsheets.en'
import cityAdminDe from '@/i18n/locales/city-admin.de'
import cityAdminEn from '@/i18n/locales/city-admin.en'

/** The bundles the router loads with their pages, up front: components mounted alone need them too. */
export const allMessageBundles = [{ de: adminDe, en: adminEn }, { de: reportingDe, en: reportingEn }, { de: incidentsDe, en: incidentsEn }, { de: errorsDe, en: errorsEn }, { de: mailDe, en: mailEn }, { de: openDataDe, en: openDataEn }, { de: spreadsheetsDe, en: spreadsheetsEn }, { de: cityAdminDe, en: cityAdminEn }]
