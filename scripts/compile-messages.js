// Compiles the messages as the build does (paraglide.config.js), without Vite: `npm install` and the tests.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from '../paraglide.config.js';

await compile(paraglideOptions);
