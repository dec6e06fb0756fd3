/**
 * What the simulated user does with each example in `npm start -- <example>`: a short walk
 * through the example's main path, waiting for each answer. Examples missing here need what an
 * offline demo cannot give (several users in a group, a Passport key, a public webhook); they still run against Telegram with a token.
 */
import { BUTTON_TEXT } from '../../examples/webappbot.js';
import type { DemoChat } from './chat.js';

/** One example's demo: the bot's username in the emulator and the user's script. */
export interface Demo {
  readonly bot: string;
  /** Variables the example needs besides its token and the emulator's URLs. */
  readonly env?: (user: { readonly id: number }) => Record<string, string>;
  readonly script: (chat: DemoChat) => Promise<void>;
}

const TOP_MENU = /^You may choose to add a family member, yourself, show the gathered data/;

export const DEMOS: Readonly<Record<string, Demo>> = {
  echobot: {
    bot: 'echo_bot',
    script: async (chat) => {
      await chat.say('/start', `Hi ${chat.userName}!`);
      await chat.say('Hello, bot! Can you hear me?', 'Hello, bot! Can you hear me?');
      await chat.say('/help', 'Help!');
    },
  },
  rawapibot: {
    bot: 'raw_api_bot',
    script: async (chat) => {
      await chat.say('Hello from the raw API', 'Hello from the raw API');
      await chat.say('Echo this too', 'Echo this too');
    },
  },
  inlinekeyboard: {
    bot: 'inline_keyboard_bot',
    script: async (chat) => {
      await chat.say('/start', 'Please choose:');
      await chat.press('Option 2', 'Selected option: 2');
      await chat.say('/help', 'Use /start to test this bot.');
    },
  },
  inlinekeyboard2: {
    bot: 'inline_menu_bot',
    script: async (chat) => {
      await chat.say('/start', 'Start handler, Choose a route');
      await chat.press('1', 'First CallbackQueryHandler, Choose a route');
      await chat.press('4', 'Fourth CallbackQueryHandler, Choose a route');
      await chat.press('3', 'Third CallbackQueryHandler. Do want to start over?');
      await chat.press("Yes, let's do it again!", 'Start handler, Choose a route');
      await chat.press('2', 'Second CallbackQueryHandler, Choose a route');
      await chat.press('3', 'Third CallbackQueryHandler. Do want to start over?');
      await chat.press("Nah, I've had enough ...", 'See you next time!');
    },
  },
  conversationbot: {
    bot: 'professor_bot',
    script: async (chat) => {
      await chat.say('/start', /Are you a boy or a girl\?$/);
      await chat.pressKey('Girl', /^I see! Please send me a photo/);
      await chat.sendPhoto(/^Gorgeous! Now, send me your location/);
      await chat.say('/skip', /^You seem a bit paranoid!/);
      await chat.say('I like trains and long walks.', 'Thank you! I hope we can talk again some day.');
    },
  },
  conversationbot2: {
    bot: 'doctor_botter_bot',
    script: async (chat) => {
      await chat.say('/start', /^Hi! My name is Doctor Botter\./);
      await chat.pressKey('Age', 'Your age? Yes, I would love to hear about that!');
      await chat.say('30', /^Neat! Just so you know/);
      await chat.pressKey('Something else...', /^Alright, please send me the category first/);
      await chat.say('Most impressive skill', /^Your most impressive skill\?/);
      await chat.say('Juggling', /Most impressive skill - Juggling/);
      await chat.pressKey('Done', /^I learned these facts about you/);
    },
  },
  timerbot: {
    bot: 'timer_bot',
    script: async (chat) => {
      await chat.say('/start', 'Hi! Use /set <seconds> to set a timer');
      await chat.say('/set 1', 'Timer successfully set!');
      await chat.expect('Beep! 1 seconds are over!', 5000);
      await chat.say('/set 30', 'Timer successfully set!');
      await chat.say('/unset', 'Timer successfully cancelled!');
    },
  },
  contexttypesbot: {
    bot: 'click_counter_bot',
    script: async (chat) => {
      await chat.say('/start', 'This button was clicked 0 times.');
      await chat.press('Click me!', 'This button was clicked 1 times.');
      await chat.press('Click me!', 'This button was clicked 2 times.');
      await chat.say('/print_users', /^The following user IDs have used this bot: \d+$/);
    },
  },
  webappbot: {
    bot: 'color_picker_bot',
    script: async (chat) => {
      await chat.say('/start', 'Please press the button below to choose a color via the WebApp.');
      await chat.webAppData(
        BUTTON_TEXT,
        JSON.stringify({ hex: '#ff8000', rgb: { r: 255, g: 128, b: 0 } }),
        /^You selected the color with the HEX value #ff8000/,
      );
    },
  },
  nestedconversationbot: {
    bot: 'family_bot',
    script: async (chat) => {
      await chat.say('/start', TOP_MENU);
      await chat.press('Add yourself', 'Okay, please tell me about yourself.');
      await chat.press('Add info', 'Please select a feature to update.');
      await chat.press('Name', 'Okay, tell me.');
      await chat.say('Alice', 'Got it! Please select a feature to update.');
      await chat.press('Age', 'Okay, tell me.');
      await chat.say('30', 'Got it! Please select a feature to update.');
      await chat.press('Done', TOP_MENU);
      await chat.press('Add family member', /^You may add a parent or a child/);
      await chat.press('Add parent', 'Please choose, whom to add.');
      await chat.press('Add Mother', 'Please select a feature to update.');
      await chat.press('Name', 'Okay, tell me.');
      await chat.say('Eve', 'Got it! Please select a feature to update.');
      await chat.press('Done', /^You may add a parent or a child/);
      await chat.press('Show data', /^Yourself:\nName: Alice, Age: 30/);
      await chat.press('Back', TOP_MENU);
      await chat.press('Done', 'See you around!');
    },
  },
  errorhandlerbot: {
    bot: 'error_handler_bot',
    // The report goes to the developer's chat: here Alice's own (a private chat's id is the user's).
    env: (user) => ({ DEVELOPER_CHAT_ID: String(user.id) }),
    script: async (chat) => {
      await chat.say('/start', /^Use \/bad_command to cause an error\./);
      await chat.say('/bad_command', /^An exception was raised while handling an update\n/);
    },
  },
  paymentbot: {
    bot: 'shop_bot',
    // Any provider token does for the emulator; Telegram needs one from @BotFather's Payments.
    env: () => ({ PAYMENT_PROVIDER_TOKEN: 'TEST:demo-provider' }),
    script: async (chat) => {
      await chat.say('/start', /^Use \/shipping to receive an invoice/);
      await chat.say('/noshipping');
      await chat.pay('Thank you for your payment.');
      await chat.say('/shipping');
      await chat.pay('Thank you for your payment.');
    },
  },
  inlinebot: {
    bot: 'caps_bot',
    script: async (chat) => {
      await chat.say('/start', 'Hi!');
      await chat.inline('Tom & <Jerry>', 'Caps');
      await chat.inline('hello inline mode', 'Bold');
    },
  },
  pollbot: {
    bot: 'poll_bot',
    script: async (chat) => {
      await chat.say('/start', /^Please select \/poll to get a Poll/);
      await chat.say('/poll');
      await chat.vote([0, 2], `${chat.userName} feels Good and Fantastic!`);
    },
  },
};
