// A fuzz worker thread: TypeScript through tsx, then the oracle on each input sent.
import { register } from 'tsx/esm/api';
register();
await import('./worker-main.ts');
