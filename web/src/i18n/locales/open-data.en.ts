// English texts of the public downloads and the open-data pages; exactly the keys of open-data.de.ts.
import type { OpenDataMessageSchema } from './open-data.de'

const openData: OpenDataMessageSchema['openData'] = {
  download: {
    csv: 'Download CSV ({what})',
    xlsx: 'Download Excel file ({what})',
    csvSemicolon: 'Download CSV for German Excel ({what}, semicolon)',
    chartData: 'data of the chart',
    tableData: 'data of the table',
    measures: 'all measures of the plan',
    incidents: 'counts of this period',
    licence: 'Licence:',
    allDatasets: 'All open data of the city',
  },
  datasets: {
    title: 'Open data',
    intro: 'These datasets can be downloaded under an open licence. Every file has a fixed address that does not change.',
    catalogueHeading: 'Catalogue for data portals',
    catalogueText: 'The catalogue describes every dataset in DCAT-AP.de, the standard of GovData.',
    catalogueJsonLd: 'Catalogue as JSON-LD',
    catalogueTurtle: 'Catalogue as Turtle',
    listHeading: 'Datasets',
    none: 'This city publishes no datasets yet.',
    modified: 'Last modified',
    temporal: 'Period',
    temporalRange: '{start} to {end}',
    noTemporal: 'no time reference',
    licence: 'Licence',
    distributions: 'Files',
    fieldsHeading: 'Fields',
    fieldsCaption: 'Meaning of every column',
    fieldName: 'Column',
    fieldType: 'Type',
    fieldDescription: 'Meaning',
    downloadFormat: 'Download {format}',
    types: { string: 'text', integer: 'whole number', number: 'number', date: 'date', boolean: 'yes/no' },
    notFound: 'There is no such dataset.',
  },
}

export default { openData }
