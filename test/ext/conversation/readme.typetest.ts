/** The README's ConversationHandler snippet compiles as written. Only type-checked. */
import {
  Application,
  CommandHandler,
  ConversationHandler,
  filters,
  MessageHandler,
} from '../../../src/ext/index.js';

const app = Application.builder().token('1:x').updater(null).build();
enum Step {
  NAME,
  AGE,
}
app.addHandler(
  new ConversationHandler({
    entryPoints: [
      new CommandHandler('start', async (update) => {
        await update.effectiveMessage.replyText('Your name?');
        return Step.NAME;
      }),
    ],
    states: {
      [Step.NAME]: [
        new MessageHandler(filters.TEXT, async (update) => {
          await update.effectiveMessage.replyText('Your age?');
          return Step.AGE;
        }),
      ],
      [Step.AGE]: [new MessageHandler(filters.TEXT, () => ConversationHandler.END)],
      [ConversationHandler.TIMEOUT]: [
        new MessageHandler(filters.ALL, async (update) => {
          await update.effectiveMessage?.replyText('Too slow!');
        }),
      ],
    },
    fallbacks: [new CommandHandler('cancel', () => ConversationHandler.END)],
    conversationTimeout: 300, // seconds, through app.jobQueue
  }),
);
