import { build } from 'esbuild';
const bot = (p) => `import { Application, CommandHandler, MessageHandler, filters } from '${p}';
const app = Application.builder().token(process.env.BOT_TOKEN).build();
app.addHandler(new CommandHandler('start', async (u) => { await u.message?.replyText('Hi!'); }));
app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), async (u) => { await u.message?.replyText(u.message.text); }));
await app.runPolling();`;
const names = async (p, loader) => {
  const r = await build({ stdin:{contents:bot(p), resolveDir: process.cwd(), loader}, bundle:true, minifyWhitespace:true, minifySyntax:true, platform:'node', format:'esm', target:'node20', write:false, logLevel:'silent', external:['undici']});
  const t = r.outputFiles[0].text; 
  return [t.length, new Set([...t.matchAll(/(?:class|function) ([A-Za-z_$][\w$]*)/g)].map(m=>m[1]))];
};
const [a, src] = await names('./src/ext/index.ts','ts'); const [b, dist] = await names('./dist/ext/index.js','js');
console.log(a, b, src.size, dist.size);
console.log([...dist].filter(n=>!src.has(n)).join(' '));
