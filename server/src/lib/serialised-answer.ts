/**
 * An answer the database already wrote as JSON text. It is sent as it is instead of being parsed and
 * serialised again; whoever builds it keeps it to the route's response schema (the route still
 * declares the schema, for the OpenAPI document and the generated client).
 */
export class SerialisedAnswer {
  /** `version`: the record's version, for the ETag of a versioned record. */
  constructor (readonly body: string, readonly version?: number) {}
}
