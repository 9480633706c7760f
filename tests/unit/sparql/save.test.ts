// Save to store over Oxigraph, in process behind the SPARQL protocol: a fresh store per test.
import { oxigraphEndpoint } from './oxigraph-fetch.ts';
import { saveSuite } from './save-suite.ts';

saveSuite('Oxigraph', () => ({ query: 'http://oxigraph.test/sparql', fetch: oxigraphEndpoint().fetch }));
