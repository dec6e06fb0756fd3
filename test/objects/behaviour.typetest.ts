/**
 * Type-level tests of `defineBehaviour` (only type-checked, by `npm run typecheck`): a member's
 * implementation must fit the class's declaration, and a member the class does not declare does
 * not compile. Each `@ts-expect-error` must stay an error. Nothing here runs.
 */
import { Chat, Message } from '../../src/index.js';
import { defineBehaviour } from '../../src/objects/behaviour.js';
import { idAt } from '../../src/objects/id-shortcut.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: a class with members declared beside it, as the generated classes get theirs through declare module
class Greeter {
  constructor(readonly name: string) {}
}
interface Greeter {
  /** Says hello to `whom`. */
  greet(whom: string, loud?: boolean): string;
  /** The name in capitals. */
  readonly shout: string;
}

export function implementationsTakeTheirTypesFromTheDeclaration(): void {
  defineBehaviour(Greeter, {
    greet(whom, loud) {
      expectType<Equal<typeof whom, string>>(true);
      expectType<Equal<typeof loud, boolean | undefined>>(true);
      expectType<Equal<typeof this, Greeter>>(true);
      return loud ? `HELLO ${whom}` : `hello ${whom}, from ${this.name}`;
    },
    get shout() {
      return this.name.toUpperCase();
    },
  });
}

export function aWrongParameterTypeIsCaught(): void {
  defineBehaviour(Greeter, {
    // @ts-expect-error whom is a string in the declaration
    greet(whom: number) {
      return String(whom);
    },
  });
  defineBehaviour(Message, {
    // @ts-expect-error the text of replyText is a string, and it takes no boolean
    replyText(this: Message, text: number, wrong: boolean) {
      return Promise.resolve(`${text}${wrong}`) as never;
    },
  });
}

export function aWrongReturnTypeIsCaught(): void {
  defineBehaviour(Greeter, {
    // @ts-expect-error greet returns a string
    greet(whom) {
      return whom.length;
    },
  });
  defineBehaviour(Message, {
    // @ts-expect-error replyText resolves to the sent Message
    async replyText(text) {
      return text;
    },
  });
}

export function anUndeclaredMemberIsCaught(): void {
  defineBehaviour(Greeter, {
    // @ts-expect-error Greeter declares no wave
    wave() {
      return 'o/';
    },
  });
  defineBehaviour(Message, {
    // @ts-expect-error a typo is not a second shortcut
    replyTxt(text: string) {
      return text;
    },
  });
}

export function tableShortcutsMustCallTheirOwnMethod(): void {
  // The Chat tables are typed by what idAt builds: getMemberCount over getChatMember would take a
  // user id and resolve to a ChatMember.
  defineBehaviour(Chat, {
    // @ts-expect-error getMemberCount is getChatMemberCount's shortcut
    getMemberCount: idAt('getChatMember', 0),
  });
  // @ts-expect-error idAt only takes Bot API method names
  idAt('getChatMembers', 0);
}
