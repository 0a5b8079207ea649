// German texts of the public downloads and the open-data pages, loaded with the pages that show them
// (i18n/bundles.ts). open-data.en.ts has exactly the same keys; a unit test and the type check enforce it.
const openData = {
  download: {
    csv: 'CSV herunterladen ({what})',
    xlsx: 'Excel-Datei herunterladen ({what})',
    csvSemicolon: 'CSV für deutsches Excel herunterladen ({what}, Semikolon)',
    chartData: 'Daten des Diagramms',
    tableData: 'Daten der Tabelle',
    measures: 'alle Maßnahmen des Plans',
    incidents: 'Fallzahlen dieses Zeitraums',
    licence: 'Lizenz:',
    allDatasets: 'Alle offenen Daten der Stadt',
  },
  datasets: {
    title: 'Offene Daten',
    intro: 'Diese Datensätze stehen unter einer offenen Lizenz zum Herunterladen bereit. Jede Datei hat eine feste Adresse, die sich nicht ändert.',
    catalogueHeading: 'Katalog für Datenportale',
    catalogueText: 'Der Katalog beschreibt alle Datensätze nach DCAT-AP.de, dem Standard von GovData.',
    catalogueJsonLd: 'Katalog als JSON-LD',
    catalogueTurtle: 'Katalog als Turtle',
    listHeading: 'Datensätze',
    none: 'Diese Stadt veröffentlicht noch keine Datensätze.',
    modified: 'Stand',
    temporal: 'Zeitraum',
    temporalRange: '{start} bis {end}',
    noTemporal: 'ohne Zeitbezug',
    licence: 'Lizenz',
    distributions: 'Dateien',
    fieldsHeading: 'Felder',
    fieldsCaption: 'Bedeutung jeder Spalte',
    fieldName: 'Spalte',
    fieldType: 'Typ',
    fieldDescription: 'Bedeutung',
    downloadFormat: '{format} herunterladen',
    types: { string: 'Text', integer: 'ganze Zahl', number: 'Zahl', date: 'Datum', boolean: 'ja/nein' },
    notFound: 'Diesen Datensatz gibt es nicht.',
  },
}

export default { openData }
export type OpenDataMessageSchema = { openData: typeof openData }
