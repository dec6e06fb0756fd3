#!/usr/bin/env node
// `typescript-telegram-bot`: the library's command (src/cli.ts).
import { launch } from './launch.js';

await launch('cli');
