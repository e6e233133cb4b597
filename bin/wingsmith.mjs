#!/usr/bin/env node
// The installed `wingsmith` command: runs the TypeScript CLI through tsx so there is one implementation only.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
