import { openDataLicenceInfo, politicalGeocoding, type DatasetInfo, type OpenDataSettings } from '@eccar/shared'
import jsonld from 'jsonld'
import { DataFactory, Writer, type Quad, type Quad_Object, type Quad_Subject } from 'n3'

const { namedNode, literal, blankNode, quad } = DataFactory

const prefixes = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
}
const term = (prefix: keyof typeof prefixes, local: string) => namedNode(`${prefixes[prefix]}${local}`)
const a = term('rdf', 'type')

/** EU vocabularies GovData expects for file types; IANA for media types. */
const fileTypes: Record<string, string> = {
  CSV: 'http://publications.europa.eu/resource/authority/file-type/CSV',
  XLSX: 'http://publications.europa.eu/resource/authority/file-type/XLSX',
}
const germanLanguage = 'http://publications.europa.eu/resource/authority/language/DEU'

export interface CatalogInput {
  city: { slug: string, name: string }
  settings: OpenDataSettings
  items: DatasetInfo[]
  origin: string
}

const dateLiteral = (value: string) => literal(value, term('xsd', value.length === 10 ? 'date' : 'dateTime'))

/** The city's DCAT-AP.de catalogue as RDF: one dcat:Dataset per published table, each with its distributions. */
export function catalogQuads ({ city, settings, items, origin }: CatalogInput): Quad[] {
  const quads: Quad[] = []
  const add = (s: Quad_Subject, p: string | ReturnType<typeof namedNode>, o: Quad_Object) => quads.push(quad(s, typeof p === 'string' ? namedNode(p) : p, o))
  const base = `${origin}/api/cities/${city.slug}`
  const catalog = namedNode(`${base}/catalog`)
  const licence = openDataLicenceInfo[settings.licence]
  const licenceNode = namedNode(licence.iri)

  const publisher = namedNode(`${base}/catalog#publisher`)
  add(publisher, a, term('foaf', 'Agent'))
  add(publisher, term('foaf', 'name'), literal(settings.publisherName, 'de'))

  let contact: Quad_Subject | null = null
  if (settings.contactEmail) {
    contact = namedNode(`${base}/catalog#contact`)
    add(contact, a, term('vcard', 'Kind'))
    add(contact, a, term('vcard', 'Organization'))
    add(contact, term('vcard', 'fn'), literal(settings.publisherName))
    add(contact, term('vcard', 'hasEmail'), namedNode(`mailto:${settings.contactEmail}`))
  }

  add(licenceNode, a, term('dct', 'LicenseDocument'))
  const spatial = namedNode(`${base}/catalog#area`)
  add(spatial, a, term('dct', 'Location'))
  add(spatial, namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal(city.name, 'de'))

  // DCAT-AP.de puts the municipality (Amtlicher Gemeindeschlüssel) and GovData's contributor ID on every
  // dcat:Dataset, not on the catalogue: GovData files and finds each dataset by them.
  const germanAdditions: [ReturnType<typeof namedNode>, ReturnType<typeof namedNode>][] = []
  if (settings.municipalityKey) {
    germanAdditions.push([term('dcatde', 'politicalGeocodingURI'), namedNode(politicalGeocoding.municipalityKey(settings.municipalityKey))])
    germanAdditions.push([term('dcatde', 'politicalGeocodingLevelURI'), namedNode(politicalGeocoding.municipalityLevel)])
  }
  if (settings.contributorId) germanAdditions.push([term('dcatde', 'contributorID'), namedNode(settings.contributorId)])

  add(catalog, a, term('dcat', 'Catalog'))
  add(catalog, term('dct', 'title'), literal(`Offene Daten zum Aktionsplan gegen Rassismus – ${city.name}`, 'de'))
  add(catalog, term('dct', 'title'), literal(`Open data of the action plan against racism – ${city.name}`, 'en'))
  add(catalog, term('dct', 'description'), literal(`Maßnahmen, Umsetzungsstand, Indikatoren und Vorfallzahlen des ECCAR-Aktionsplans von ${city.name}.`, 'de'))
  add(catalog, term('dct', 'description'), literal(`Measures, status, indicators and incident figures of ${city.name}'s ECCAR action plan.`, 'en'))
  add(catalog, term('dct', 'publisher'), publisher)
  add(catalog, term('dct', 'license'), licenceNode)
  add(catalog, term('dct', 'language'), namedNode(germanLanguage))
  add(namedNode(germanLanguage), a, term('dct', 'LinguisticSystem'))
  add(catalog, term('dct', 'spatial'), spatial)
  const modified = items.map((item) => item.modified).filter((m): m is string => m !== null).sort().at(-1)
  if (modified) add(catalog, term('dct', 'modified'), dateLiteral(modified))

  for (const item of items) {
    const dataset = namedNode(`${base}/catalog#${item.id}`)
    add(catalog, term('dcat', 'dataset'), dataset)
    add(dataset, a, term('dcat', 'Dataset'))
    add(dataset, term('dct', 'identifier'), literal(`${base}/datasets/${item.id}`))
    add(dataset, term('dct', 'title'), literal(item.title.de, 'de'))
    add(dataset, term('dct', 'title'), literal(item.title.en, 'en'))
    add(dataset, term('dct', 'description'), literal(item.description.de, 'de'))
    add(dataset, term('dct', 'description'), literal(item.description.en, 'en'))
    add(dataset, term('dct', 'publisher'), publisher)
    if (contact) add(dataset, term('dcat', 'contactPoint'), contact)
    add(dataset, term('dct', 'spatial'), spatial)
    for (const [predicate, object] of germanAdditions) add(dataset, predicate, object)
    if (item.modified) add(dataset, term('dct', 'modified'), dateLiteral(item.modified))
    if (item.temporal && (item.temporal.start || item.temporal.end)) {
      const period = blankNode(`period-${item.id}`)
      add(dataset, term('dct', 'temporal'), period)
      add(period, a, term('dct', 'PeriodOfTime'))
      if (item.temporal.start) add(period, term('dcat', 'startDate'), dateLiteral(item.temporal.start))
      if (item.temporal.end) add(period, term('dcat', 'endDate'), dateLiteral(item.temporal.end))
    }
    item.distributions.forEach((distribution, index) => {
      const node = namedNode(`${base}/catalog#${item.id}-${distribution.format.toLowerCase()}${index > 0 ? `-${index}` : ''}`)
      add(dataset, term('dcat', 'distribution'), node)
      add(node, a, term('dcat', 'Distribution'))
      add(node, term('dct', 'title'), literal(`${item.title.de} (${distribution.format})`, 'de'))
      add(node, term('dcat', 'accessURL'), namedNode(distribution.url))
      add(node, term('dcat', 'downloadURL'), namedNode(distribution.url))
      const mediaType = namedNode(`https://www.iana.org/assignments/media-types/${distribution.mediaType}`)
      add(node, term('dcat', 'mediaType'), mediaType)
      add(mediaType, a, term('dct', 'MediaType'))
      const format = fileTypes[distribution.format]
      if (format) {
        add(node, term('dct', 'format'), namedNode(format))
        add(namedNode(format), a, term('dct', 'MediaTypeOrExtent'))
      }
      add(node, term('dct', 'license'), licenceNode)
      // DCAT-AP.de: licences that require attribution name whom to attribute, in the words to use.
      if (licence.attribution) add(node, term('dcatde', 'licenseAttributionByText'), literal(`${settings.publisherName} (${licence.label.de})`, 'de'))
      if (item.modified) add(node, term('dct', 'modified'), dateLiteral(item.modified))
    })
  }
  return quads
}

const rdfsPrefix = { rdfs: 'http://www.w3.org/2000/01/rdf-schema#' }

function write (quads: Quad[], format: 'Turtle' | 'N-Quads'): Promise<string> {
  const writer = new Writer(format === 'Turtle' ? { format, prefixes: { ...prefixes, ...rdfsPrefix } } : { format })
  writer.addQuads(quads)
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))))
}

export const catalogTurtle = (input: CatalogInput) => write(catalogQuads(input), 'Turtle')

/** JSON-LD made from the same triples by a JSON-LD processor, compacted with the usual prefixes. */
export async function catalogJsonLd (input: CatalogInput) {
  const nquads = await write(catalogQuads(input), 'N-Quads')
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' })
  return jsonld.compact(expanded, { ...prefixes, ...rdfsPrefix })
}
