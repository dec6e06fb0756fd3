import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const bot = (p) => `import { Application, CommandHandler, MessageHandler, filters } from '${p}';
const app = Application.builder().token(process.env.BOT_TOKEN).build();
app.addHandler(new CommandHandler('start', async (u) => { await u.message?.replyText('Hi!'); }));
app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), async (u) => { await u.message?.replyText(u.message.text); }));
await app.runPolling();`;
for (const [p,l,o] of [['./dist/ext/index.js','js','/tmp/bs/dist.js'],['./src/ext/index.ts','ts','/tmp/bs/src.js']]) {
const r = await build({ stdin:{contents:bot(p), resolveDir: process.cwd(), loader:l}, bundle:true, platform:'node', format:'esm', target:'node20', write:false, logLevel:'silent', external:['undici']});
writeFileSync(o, r.outputFiles[0].text);}
