/**
 * Plain constants of the spreadsheets and open-data features: licences, dataset names, CSV separators and the
 * codes of row errors. TypeBox-free so the web app can import the values without bundling TypeBox.
 */

export const openDataLicences = ['dl-de-by-2.0', 'dl-de-zero-2.0', 'cc-by-4.0', 'cc0-1.0'] as const
export type OpenDataLicence = (typeof openDataLicences)[number]

export const defaultOpenDataLicence: OpenDataLicence = 'dl-de-by-2.0'

/**
 * `iri` is the licence's identifier in DCAT-AP.de's licence vocabulary (what GovData expects in
 * `dct:license`); `url` is the human-readable text a `Link: rel="license"` header points to.
 */
export const openDataLicenceInfo: Record<OpenDataLicence, {
  iri: string, url: string, label: { de: string, en: string }, attribution: boolean,
}> = {
  'dl-de-by-2.0': {
    iri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    url: 'https://www.govdata.de/dl-de/by-2-0',
    label: { de: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', en: 'Data licence Germany – attribution – version 2.0' },
    attribution: true,
  },
  'dl-de-zero-2.0': {
    iri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    url: 'https://www.govdata.de/dl-de/zero-2-0',
    label: { de: 'Datenlizenz Deutschland – Zero – Version 2.0', en: 'Data licence Germany – Zero – version 2.0' },
    attribution: false,
  },
  'cc-by-4.0': {
    iri: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    label: { de: 'Creative Commons Namensnennung 4.0 International', en: 'Creative Commons Attribution 4.0 International' },
    attribution: true,
  },
  'cc0-1.0': {
    iri: 'http://dcat-ap.de/def/licenses/cc-zero',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    label: { de: 'Creative Commons Zero 1.0 (Public Domain)', en: 'Creative Commons Zero 1.0 (public domain)' },
    attribution: false,
  },
}

/** The CSV datasets every published plan offers at `/api/plans/{id}/datasets/{dataset}.csv`. */
export const planDatasets = ['measures', 'status-by-commitment', 'status-history', 'indicators'] as const
export type PlanDataset = (typeof planDatasets)[number]

/** `semicolon` suits German Excel, which reads `,` as the decimal separator. */
export const csvSeparators = ['comma', 'semicolon'] as const
export type CsvSeparator = (typeof csvSeparators)[number]

/** Largest spreadsheet an import accepts; larger uploads get 413. */
export const spreadsheetImportMaxBytes = 50 * 1024 * 1024

/** Why a row of an import was refused (`errors[].code` in a preview); the web app words each one. */
export const importRowErrorCodes = [
  'UNKNOWN_MEASURE', 'NOT_PERMITTED', 'DUPLICATE_ROW', 'MISSING_VALUE', 'INVALID_STATUS', 'INVALID_PROGRESS',
  'INVALID_DATE', 'FUTURE_DATE', 'DATE_BEFORE_LATEST', 'REASON_REQUIRED', 'INVALID_LINK', 'TEXT_TOO_LONG',
  'FORMULA', 'INVALID_VERSION', 'INVALID_PERIOD', 'INVALID_NUMBER', 'INVALID_CATEGORY', 'VALUE_EXISTS',
] as const
export type ImportRowErrorCode = (typeof importRowErrorCodes)[number]

/**
 * Amtlicher Gemeindeschlüssel: 8 digits, the first two a Land (01 Schleswig-Holstein … 16 Thüringen), e.g.
 * Jena 16053000. Form and Land only; whether such a municipality exists is the statistical offices' list.
 */
export function isMunicipalityKey (value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false
  const land = Number(value.slice(0, 2))
  return land >= 1 && land <= 16
}

/**
 * A GovData contributor ID is an http(s) URI, such as one of http://dcat-ap.de/def/contributors/: a host, and none
 * of the characters an IRI cannot hold (spaces, <>"{}|\^`), since the catalogue writes it as an IRI.
 */
export const isContributorId = (value: string): boolean =>
  /^https?:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#][^\s<>"{}|\\^`]*)?$/i.test(value)

/** DCAT-AP.de's vocabulary for `dcatde:politicalGeocodingURI` and `dcatde:politicalGeocodingLevelURI`. */
export const politicalGeocoding = {
  municipalityKey: (key: string) => `http://dcat-ap.de/def/politicalGeocoding/municipalityKey/${key}`,
  municipalityLevel: 'http://dcat-ap.de/def/politicalGeocoding/Level/municipality',
} as const
