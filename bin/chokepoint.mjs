#!/usr/bin/env node
// Entry point of the `chokepoint` CLI. The sources are TypeScript; tsx compiles them on the fly so that
// `npx chokepoint …` works straight after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
