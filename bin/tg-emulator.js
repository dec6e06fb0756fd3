#!/usr/bin/env node
// `tg-emulator`: the Bot API emulator's command (src/testing/cli.ts).
import { launch } from './launch.js';

await launch('testing/cli');
