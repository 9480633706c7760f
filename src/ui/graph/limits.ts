// How much the page draws at once (no sigma import here: unit tests read these in Node).

/** "Show all" draws a large dataset whole up to these sizes (beyond, sigma and the layout would make the page crawl). */
export const WHOLE_VIEW_MAX_ENTITIES = 20_000;
export const WHOLE_VIEW_MAX_TRIPLES = 100_000;
export const canShowWhole = (entities: number, triples: number) =>
  entities <= WHOLE_VIEW_MAX_ENTITIES && triples <= WHOLE_VIEW_MAX_TRIPLES;
