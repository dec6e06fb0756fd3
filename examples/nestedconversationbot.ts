/**
 * The seed's nestedconversationbot: a family data collector in three nested conversations. The
 * top level offers adding a family member, yourself, showing the data or ending; adding a member
 * runs a second-level conversation (parent or child, then which one); describing a person runs a
 * third-level conversation (name and age) shared by both. `mapToParent` carries the inner
 * conversations' endings up; `/stop` ends everything from anywhere. Run it with
 * `BOT_TOKEN=<token> npx tsx examples/nestedconversationbot.ts` (add BOT_API_BASE_URL to run it
 * against the emulator).
 */
import { pathToFileURL } from 'node:url';
import { InlineKeyboardButton, InlineKeyboardMarkup, Update } from 'typescript-telegram-bot';
import {
  Application,
  CallbackQueryHandler,
  CommandHandler,
  type ContextTypes,
  ConversationHandler,
  filters,
  MessageHandler,
} from 'typescript-telegram-bot/ext';

type Context = ContextTypes.DEFAULT_TYPE;

const END = ConversationHandler.END;
/** `END` as button data. */
const END_DATA = String(END);

/** Every state of the three levels, and the meta states STOPPING and SHOWING. */
export const State = {
  // Top level
  SELECTING_ACTION: 'SELECTING_ACTION',
  ADDING_MEMBER: 'ADDING_MEMBER',
  ADDING_SELF: 'ADDING_SELF',
  DESCRIBING_SELF: 'DESCRIBING_SELF',
  // Second level
  SELECTING_LEVEL: 'SELECTING_LEVEL',
  SELECTING_GENDER: 'SELECTING_GENDER',
  // Third level
  SELECTING_FEATURE: 'SELECTING_FEATURE',
  TYPING: 'TYPING',
  // Meta
  STOPPING: 'STOPPING',
  SHOWING: 'SHOWING',
} as const;

/** Button data and keys of the collected data. */
export const Key = {
  PARENTS: 'PARENTS',
  CHILDREN: 'CHILDREN',
  SELF: 'SELF',
  MALE: 'MALE',
  FEMALE: 'FEMALE',
  AGE: 'AGE',
  NAME: 'NAME',
} as const;

type Level = typeof Key.PARENTS | typeof Key.CHILDREN | typeof Key.SELF;
type Feature = typeof Key.NAME | typeof Key.AGE;

/** A person as described: the gender button pressed, and the features typed. */
export interface Person {
  gender: string;
  NAME?: string;
  AGE?: string;
}

/** What the bot keeps in each user's data. */
export interface FamilyData {
  PARENTS?: Person[];
  CHILDREN?: Person[];
  SELF?: Person[];
  startOver?: boolean;
  features?: Person;
  currentFeature?: Feature;
  currentLevel?: Level;
}

function dataOf(context: Context): FamilyData {
  return context.userData as FamilyData;
}

function nameSwitcher(level: string): [male: string, female: string] {
  return level === Key.PARENTS ? ['Father', 'Mother'] : ['Brother', 'Sister'];
}

// Top level conversation callbacks

/** `/start` (or back to the top menu): the four actions. */
export async function start(update: Update, context: Context): Promise<typeof State.SELECTING_ACTION> {
  const text =
    'You may choose to add a family member, yourself, show the gathered data, or end the conversation. To abort, simply type /stop.';
  const keyboard = new InlineKeyboardMarkup([
    [
      new InlineKeyboardButton('Add family member', { callback_data: State.ADDING_MEMBER }),
      new InlineKeyboardButton('Add yourself', { callback_data: State.ADDING_SELF }),
    ],
    [
      new InlineKeyboardButton('Show data', { callback_data: State.SHOWING }),
      new InlineKeyboardButton('Done', { callback_data: END_DATA }),
    ],
  ]);
  const data = dataOf(context);
  // Starting over edits the menu message instead of sending a new one.
  if (data.startOver === true && update.callback_query !== undefined) {
    await update.callback_query.answer();
    await update.callback_query.editMessageText(text, { reply_markup: keyboard });
  } else {
    await update.effectiveMessage?.replyText(
      "Hi, I'm Family Bot and I'm here to help you gather information about your family.",
    );
    await update.effectiveMessage?.replyText(text, { reply_markup: keyboard });
  }
  data.startOver = false;
  return State.SELECTING_ACTION;
}

/** "Add yourself": describe the user in the third level. */
export async function addingSelf(update: Update, context: Context): Promise<typeof State.DESCRIBING_SELF> {
  dataOf(context).currentLevel = Key.SELF;
  const keyboard = InlineKeyboardMarkup.fromButton(
    new InlineKeyboardButton('Add info', { callback_data: Key.MALE }),
  );
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText('Okay, please tell me about yourself.', {
    reply_markup: keyboard,
  });
  return State.DESCRIBING_SELF;
}

function prettyPrint(data: FamilyData, level: Level): string {
  const people = data[level];
  if (people === undefined || people.length === 0) return '\nNo information yet.';
  return people
    .map((person) => {
      const facts = `Name: ${person.NAME ?? '-'}, Age: ${person.AGE ?? '-'}`;
      if (level === Key.SELF) return `\n${facts}`;
      const [male, female] = nameSwitcher(level);
      return `\n${person.gender === Key.FEMALE ? female : male}: ${facts}`;
    })
    .join('');
}

/** "Show data": everything gathered, with a Back button. */
export async function showData(update: Update, context: Context): Promise<typeof State.SHOWING> {
  const data = dataOf(context);
  const text =
    `Yourself:${prettyPrint(data, Key.SELF)}` +
    `\n\nParents:${prettyPrint(data, Key.PARENTS)}` +
    `\n\nChildren:${prettyPrint(data, Key.CHILDREN)}`;
  const keyboard = new InlineKeyboardMarkup([
    [new InlineKeyboardButton('Back', { callback_data: END_DATA })],
  ]);
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText(text, { reply_markup: keyboard });
  data.startOver = true;
  return State.SHOWING;
}

/** `/stop` at the top level. */
export async function stop(update: Update, _context: Context): Promise<typeof END> {
  await update.message?.replyText('Okay, bye.');
  return END;
}

/** "Done" in the top menu. */
export async function end(update: Update, _context: Context): Promise<typeof END> {
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText('See you around!');
  return END;
}

// Second level conversation callbacks

/** "Add family member": parent or child. */
export async function selectLevel(update: Update, _context: Context): Promise<typeof State.SELECTING_LEVEL> {
  const keyboard = new InlineKeyboardMarkup([
    [
      new InlineKeyboardButton('Add parent', { callback_data: Key.PARENTS }),
      new InlineKeyboardButton('Add child', { callback_data: Key.CHILDREN }),
    ],
    [
      new InlineKeyboardButton('Show data', { callback_data: State.SHOWING }),
      new InlineKeyboardButton('Back', { callback_data: END_DATA }),
    ],
  ]);
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText(
    'You may add a parent or a child. Also you can show the gathered data or go back.',
    { reply_markup: keyboard },
  );
  return State.SELECTING_LEVEL;
}

/** Parent or child chosen: which one. */
export async function selectGender(update: Update, context: Context): Promise<typeof State.SELECTING_GENDER> {
  const level = update.callback_query?.data === Key.PARENTS ? Key.PARENTS : Key.CHILDREN;
  dataOf(context).currentLevel = level;
  const [male, female] = nameSwitcher(level);
  const keyboard = new InlineKeyboardMarkup([
    [
      new InlineKeyboardButton(`Add ${male}`, { callback_data: Key.MALE }),
      new InlineKeyboardButton(`Add ${female}`, { callback_data: Key.FEMALE }),
    ],
    [
      new InlineKeyboardButton('Show data', { callback_data: State.SHOWING }),
      new InlineKeyboardButton('Back', { callback_data: END_DATA }),
    ],
  ]);
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText('Please choose, whom to add.', { reply_markup: keyboard });
  return State.SELECTING_GENDER;
}

/** "Back" in the second level: the top menu again. */
export async function endSecondLevel(update: Update, context: Context): Promise<typeof END> {
  dataOf(context).startOver = true;
  await start(update, context);
  return END;
}

// Third level callbacks

/** The features to describe (a new person: remember the gender pressed). */
export async function selectFeature(
  update: Update,
  context: Context,
): Promise<typeof State.SELECTING_FEATURE> {
  const data = dataOf(context);
  const keyboard = new InlineKeyboardMarkup([
    [
      new InlineKeyboardButton('Name', { callback_data: Key.NAME }),
      new InlineKeyboardButton('Age', { callback_data: Key.AGE }),
      new InlineKeyboardButton('Done', { callback_data: END_DATA }),
    ],
  ]);
  if (data.startOver !== true) {
    data.features = { gender: update.callback_query?.data ?? Key.MALE };
    await update.callback_query?.answer();
    await update.callback_query?.editMessageText('Please select a feature to update.', {
      reply_markup: keyboard,
    });
  } else {
    // After typed input the menu comes as a new message.
    await update.message?.replyText('Got it! Please select a feature to update.', { reply_markup: keyboard });
  }
  data.startOver = false;
  return State.SELECTING_FEATURE;
}

/** A feature chosen: ask for its value. */
export async function askForInput(update: Update, context: Context): Promise<typeof State.TYPING> {
  dataOf(context).currentFeature = update.callback_query?.data === Key.AGE ? Key.AGE : Key.NAME;
  await update.callback_query?.answer();
  await update.callback_query?.editMessageText('Okay, tell me.');
  return State.TYPING;
}

/** The typed value: stored, and the features menu again. */
export async function saveInput(update: Update, context: Context): Promise<typeof State.SELECTING_FEATURE> {
  const data = dataOf(context);
  const features = data.features ?? { gender: Key.MALE };
  features[data.currentFeature ?? Key.NAME] = update.message?.text ?? '';
  data.features = features;
  data.startOver = true;
  return await selectFeature(update, context);
}

/** "Done" describing: the person is saved, and the menu of the level above shows. */
export async function endDescribing(update: Update, context: Context): Promise<typeof END> {
  const data = dataOf(context);
  const level = data.currentLevel ?? Key.SELF;
  const people = data[level] ?? [];
  people.push(data.features ?? { gender: Key.MALE });
  data[level] = people;
  if (level === Key.SELF) {
    data.startOver = true;
    await start(update, context);
  } else {
    await selectLevel(update, context);
  }
  return END;
}

/** `/stop` inside a nested conversation. */
export async function stopNested(update: Update, _context: Context): Promise<typeof State.STOPPING> {
  await update.message?.replyText('Okay, bye.');
  return State.STOPPING;
}

function pressed(...data: string[]): RegExp {
  return new RegExp(`^(${data.map((d) => d.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})$`);
}

/** The three conversations, the top one holding the others. */
export function conversation() {
  // Third level: describing a person.
  const descriptionConversation = new ConversationHandler({
    entryPoints: [new CallbackQueryHandler(selectFeature, { pattern: pressed(Key.MALE, Key.FEMALE) })],
    states: {
      [State.SELECTING_FEATURE]: [
        new CallbackQueryHandler(askForInput, { pattern: pressed(Key.NAME, Key.AGE) }),
      ],
      [State.TYPING]: [new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), saveInput)],
    },
    fallbacks: [
      new CallbackQueryHandler(endDescribing, { pattern: pressed(END_DATA) }),
      new CommandHandler('stop', stopNested),
    ],
    mapToParent: {
      // Back to the second level menu.
      [END]: State.SELECTING_LEVEL,
      // End the whole conversation.
      [State.STOPPING]: State.STOPPING,
    },
  });

  // Second level: adding a family member.
  const addMemberConversation = new ConversationHandler({
    entryPoints: [new CallbackQueryHandler(selectLevel, { pattern: pressed(State.ADDING_MEMBER) })],
    states: {
      [State.SELECTING_LEVEL]: [
        new CallbackQueryHandler(selectGender, { pattern: pressed(Key.PARENTS, Key.CHILDREN) }),
      ],
      [State.SELECTING_GENDER]: [descriptionConversation],
    },
    fallbacks: [
      new CallbackQueryHandler(showData, { pattern: pressed(State.SHOWING) }),
      new CallbackQueryHandler(endSecondLevel, { pattern: pressed(END_DATA) }),
      new CommandHandler('stop', stopNested),
    ],
    mapToParent: {
      // After showing the data, the top level shows it too.
      [State.SHOWING]: State.SHOWING,
      // Back to the top level menu.
      [END]: State.SELECTING_ACTION,
      // End the whole conversation.
      [State.STOPPING]: END,
    },
  });

  // The third level's states map to the second level's, so the top level handles them too.
  const selectionHandlers = [
    addMemberConversation,
    new CallbackQueryHandler(showData, { pattern: pressed(State.SHOWING) }),
    new CallbackQueryHandler(addingSelf, { pattern: pressed(State.ADDING_SELF) }),
    new CallbackQueryHandler(end, { pattern: pressed(END_DATA) }),
  ];
  return new ConversationHandler({
    entryPoints: [new CommandHandler('start', start)],
    states: {
      [State.SHOWING]: [new CallbackQueryHandler(start, { pattern: pressed(END_DATA) })],
      [State.SELECTING_ACTION]: selectionHandlers,
      [State.SELECTING_LEVEL]: selectionHandlers,
      [State.DESCRIBING_SELF]: [descriptionConversation],
      [State.STOPPING]: [new CommandHandler('start', start)],
    },
    fallbacks: [new CommandHandler('stop', stop)],
  });
}

/** The application with the conversations, not yet running. */
export function buildApplication(token: string, baseUrl?: string): Application {
  const builder = Application.builder().token(token);
  if (baseUrl !== undefined) builder.baseUrl(baseUrl);
  const app = builder.build();
  app.addHandler(conversation());
  return app;
}

async function main(): Promise<void> {
  const token = process.env.BOT_TOKEN;
  if (!token) throw new Error('Set BOT_TOKEN to the token @BotFather gave you');
  const app = buildApplication(token, process.env.BOT_API_BASE_URL);
  // Runs until Ctrl-C (SIGINT) or SIGTERM.
  await app.runPolling({ allowedUpdates: Update.ALL_TYPES });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
