/**
 * Entity extraction on the objects besides Message that carry a text and its entities: polls and
 * their options, games, checklists and their tasks, gift texts, quotes. Each `parse*Entity` is the
 * text an entity covers (UTF-16 offsets); each `parse*Entities` maps the entities (optionally of the
 * given types) to their texts, as PTB's methods of the same names.
 */
import { parseEntities, parseEntity } from '../entities/parse.js';
import {
  Checklist,
  ChecklistTask,
  Game,
  GiftInfo,
  type MessageEntity,
  OwnedGiftRegular,
  Poll,
  PollOption,
  PollOptionAdded,
  PollOptionDeleted,
  TextQuote,
  UniqueGiftInfo,
} from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';
import type { EntityTypes } from './message-properties.js';

/** Parsers of one text field with its entities. */
interface TextParsers {
  /** The part of the text that `entity` covers; throws when there is no text. */
  parseEntity(entity: MessageEntity): string;
  /** The entities (optionally only of `types`) mapped to the text each covers. */
  parseEntities(types?: EntityTypes): Map<MessageEntity, string>;
}

declare module '../generated/types.js' {
  interface Poll {
    /** The part of the question that `entity` covers. */
    parseQuestionEntity(entity: MessageEntity): string;
    /** The question's entities (optionally only of `types`) mapped to their texts. */
    parseQuestionEntities(types?: EntityTypes): Map<MessageEntity, string>;
    /** The part of the quiz explanation that `entity` covers; throws without an explanation. */
    parseExplanationEntity(entity: MessageEntity): string;
    /** The explanation's entities (optionally only of `types`) mapped to their texts. */
    parseExplanationEntities(types?: EntityTypes): Map<MessageEntity, string>;
    /** The part of the description that `entity` covers; throws without a description. */
    parseDescriptionEntity(entity: MessageEntity): string;
    /** The description's entities (optionally only of `types`) mapped to their texts. */
    parseDescriptionEntities(types?: EntityTypes): Map<MessageEntity, string>;
  }
  interface PollOption extends TextParsers {}
  interface PollOptionAdded {
    /** The part of the option text that `entity` covers. */
    parseOptionTextEntity(entity: MessageEntity): string;
    /** The option text's entities (optionally only of `types`) mapped to their texts. */
    parseOptionTextEntities(types?: EntityTypes): Map<MessageEntity, string>;
  }
  interface PollOptionDeleted {
    /** The part of the option text that `entity` covers. */
    parseOptionTextEntity(entity: MessageEntity): string;
    /** The option text's entities (optionally only of `types`) mapped to their texts. */
    parseOptionTextEntities(types?: EntityTypes): Map<MessageEntity, string>;
  }
  interface Game {
    /** The part of the game text that `entity` covers; throws without a text. */
    parseTextEntity(entity: MessageEntity): string;
    /** The game text's entities (optionally only of `types`) mapped to their texts. */
    parseTextEntities(types?: EntityTypes): Map<MessageEntity, string>;
  }
  /** On the checklist's title. */
  interface Checklist extends TextParsers {}
  /** On the task's text. */
  interface ChecklistTask extends TextParsers {}
  /** On the gift's text. */
  interface GiftInfo extends TextParsers {}
  /** On the gift's text. */
  interface UniqueGiftInfo extends TextParsers {}
  /** On the gift's text. */
  interface OwnedGiftRegular extends TextParsers {}
  /** On the quoted text. */
  interface TextQuote extends TextParsers {}
}

type Source = Readonly<Record<string, unknown>>;

function textOf(source: Source, field: string): string | undefined {
  const value = source[field];
  return typeof value === 'string' ? value : undefined;
}

function entitiesOf(source: Source, field: string): readonly MessageEntity[] | undefined {
  return source[field] as readonly MessageEntity[] | undefined;
}

/** The two parsers of one text field, under the names `One` and `Many`. */
type NamedParsers<One extends string, Many extends string> = {
  [P in One]: (this: object, entity: MessageEntity) => string;
} & {
  [P in Many]: (this: object, types?: EntityTypes) => Map<MessageEntity, string>;
};

/** `parseEntity` and `parseEntities` over `textField` and `entitiesField`, under the given names. */
function parsers<One extends string, Many extends string>(
  textField: string,
  entitiesField: string,
  one: One,
  many: Many,
): NamedParsers<One, Many> {
  return {
    [one](this: object, entity: MessageEntity): string {
      const text = textOf(this as Source, textField);
      if (!text) throw new Error(`This ${this.constructor.name} has no ${textField}`);
      return parseEntity(text, entity);
    },
    [many](this: object, types?: EntityTypes): Map<MessageEntity, string> {
      return parseEntities(
        textOf(this as Source, textField) ?? '',
        entitiesOf(this as Source, entitiesField),
        types,
      );
    },
  } as NamedParsers<One, Many>;
}

defineBehaviour(Poll, {
  ...parsers('question', 'question_entities', 'parseQuestionEntity', 'parseQuestionEntities'),
  ...parsers('explanation', 'explanation_entities', 'parseExplanationEntity', 'parseExplanationEntities'),
  ...parsers('description', 'description_entities', 'parseDescriptionEntity', 'parseDescriptionEntities'),
});
defineBehaviour(PollOption, parsers('text', 'text_entities', 'parseEntity', 'parseEntities'));
for (const target of [PollOptionAdded, PollOptionDeleted]) {
  defineBehaviour<PollOptionAdded | PollOptionDeleted, 'parseOptionTextEntity' | 'parseOptionTextEntities'>(
    target,
    parsers('option_text', 'option_text_entities', 'parseOptionTextEntity', 'parseOptionTextEntities'),
  );
}
defineBehaviour(Game, parsers('text', 'text_entities', 'parseTextEntity', 'parseTextEntities'));
defineBehaviour(Checklist, parsers('title', 'title_entities', 'parseEntity', 'parseEntities'));
defineBehaviour(ChecklistTask, parsers('text', 'text_entities', 'parseEntity', 'parseEntities'));
for (const target of [GiftInfo, UniqueGiftInfo, OwnedGiftRegular, TextQuote]) {
  defineBehaviour<GiftInfo | UniqueGiftInfo | OwnedGiftRegular | TextQuote, keyof TextParsers>(
    target,
    parsers('text', 'entities', 'parseEntity', 'parseEntities'),
  );
}
