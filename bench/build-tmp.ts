import { build } from 'vite';
await build({ root: '/work/main', logLevel: 'warn', build: { outDir: process.argv[2]!, emptyOutDir: true, minify: process.argv[3] !== 'nomin' } });
