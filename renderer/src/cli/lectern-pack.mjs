#!/usr/bin/env node
// The `lectern-pack` command for instructors. Node alone: tsx compiles the TypeScript CLI on the fly,
// so neither Electron nor a build is needed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./lectern-pack.ts');
process.exitCode = await runCli(process.argv.slice(2));
