// The part of the FollowTheMoney model (alephdata/followthemoney, its schema
// YAML files) that the FtM reader and writer need: the schema names, the
// interval schemata that link two entities and their role properties, and
// which FtM schema stands for which of actorgraph's default entity types.

/** Interval schemata read as relations: the subject and object role properties and the edge's wording. */
export const FTM_EDGES: Record<
  string,
  { subject: string; object: string; predicate: string; label: string; inverse: string }
> = {
  Membership: {
    subject: 'member',
    object: 'organization',
    predicate: 'membership',
    label: 'member of',
    inverse: 'has member',
  },
  Directorship: {
    subject: 'director',
    object: 'organization',
    predicate: 'directorship',
    label: 'director of',
    inverse: 'directed by',
  },
  Ownership: { subject: 'owner', object: 'asset', predicate: 'ownership', label: 'owns', inverse: 'owned by' },
  Employment: {
    subject: 'employee',
    object: 'employer',
    predicate: 'employment',
    label: 'employed by',
    inverse: 'employs',
  },
  Family: { subject: 'person', object: 'relative', predicate: 'family', label: 'family of', inverse: 'family of' },
  Associate: {
    subject: 'person',
    object: 'associate',
    predicate: 'associate',
    label: 'associate of',
    inverse: 'associate of',
  },
  Representation: {
    subject: 'agent',
    object: 'client',
    predicate: 'representation',
    label: 'represents',
    inverse: 'represented by',
  },
  UnknownLink: {
    subject: 'subject',
    object: 'object',
    predicate: 'unknown-link',
    label: 'linked to',
    inverse: 'linked from',
  },
  Payment: { subject: 'payer', object: 'beneficiary', predicate: 'payment', label: 'paid', inverse: 'paid by' },
  Succession: {
    subject: 'predecessor',
    object: 'successor',
    predicate: 'succession',
    label: 'succeeded by',
    inverse: 'succeeds',
  },
  Debt: { subject: 'debtor', object: 'creditor', predicate: 'debt', label: 'owes', inverse: 'owed by' },
  Occupancy: { subject: 'holder', object: 'post', predicate: 'occupancy', label: 'holds', inverse: 'held by' },
};

/** Interval schemata about one entity (no second end): not read, counted in a warning. */
export const FTM_SINGLE = new Set([
  'Sanction',
  'Identification',
  'Passport',
  'TaxRoll',
  'Interval',
  'Interest',
  'Similar',
  'Mention',
  'EconomicActivity',
  'ContractAward',
  'CourtCaseParty',
  'ProjectParticipant',
]);

/** Thing schemata, read as entities. Abstract ones (Thing, Value, Analyzable) are refused on writing. */
export const FTM_THINGS = new Set([
  'Address',
  'Airplane',
  'Article',
  'Assessment',
  'Asset',
  'Audio',
  'BankAccount',
  'Call',
  'CallForTenders',
  'Company',
  'Contract',
  'CourtCase',
  'CryptoWallet',
  'Document',
  'Email',
  'Event',
  'Folder',
  'HyperText',
  'Image',
  'LegalEntity',
  'License',
  'Message',
  'Note',
  'Organization',
  'Package',
  'Page',
  'Pages',
  'Person',
  'PlainText',
  'Position',
  'Project',
  'PublicBody',
  'RealEstate',
  'Security',
  'Table',
  'Trip',
  'UserAccount',
  'Vehicle',
  'Vessel',
  'Video',
  'Workbook',
  'Thing',
  'Value',
  'Analyzable',
  'Concession',
]);

/** FtM schema → default entity type, where one means the same. */
export const FTM_TO_TYPE: Record<string, string> = {
  Person: 'person',
  Organization: 'organization',
  Company: 'company',
  PublicBody: 'government-body',
  LegalEntity: 'actor',
  Position: 'position',
  Event: 'event',
  Contract: 'agreement',
  Address: 'place',
  Asset: 'materiel',
  Vehicle: 'materiel',
  Airplane: 'materiel',
  Vessel: 'materiel',
  Article: 'communication',
};

/** Default entity type → FtM schema for writing (a type's nearest listed ancestor decides). */
export const TYPE_TO_FTM: Record<string, string> = {
  actor: 'LegalEntity',
  person: 'Person',
  organization: 'Organization',
  company: 'Company',
  'government-body': 'PublicBody',
  state: 'PublicBody',
  'military-force': 'Organization',
  'armed-group': 'Organization',
  media: 'Organization',
  'think-tank': 'Organization',
  position: 'Position',
  place: 'Address',
  event: 'Event',
  agreement: 'Contract',
  materiel: 'Asset',
  communication: 'Article',
};

/** Properties every written thing may carry (Thing's own), besides name, alias and description. */
export const THING_PROPERTIES = new Set([
  'previousName',
  'weakName',
  'summary',
  'notes',
  'country',
  'sourceUrl',
  'publisher',
  'publisherUrl',
  'keywords',
  'topics',
  'wikidataId',
  'wikipediaUrl',
  'address',
  'program',
  'createdAt',
  'modifiedAt',
  'retrievedAt',
]);

/** Properties of the interval schemata that carry provenance. */
export const FTM_PROVENANCE = ['sourceUrl', 'publisher', 'publisherUrl'];

/** 'RealEstate' → 'real-estate'. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
