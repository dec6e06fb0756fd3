/**
 * `getFile()` on every object that stands for a downloadable file (PTB's `_BaseMedium.get_file`),
 * and `getSmallFile()`/`getBigFile()` on `ChatPhoto`.
 */
import {
  Animation,
  Audio,
  ChatPhoto,
  Document,
  type File,
  LivePhoto,
  PhotoSize,
  Sticker,
  Video,
  VideoNote,
  Voice,
} from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';

/** The `getFile` shortcut every media object gets. */
interface GetFileShortcut {
  /**
   * Asks Telegram for this file's download path (`bot.getFile(this.file_id)`); download it with the
   * returned `File`'s `downloadToDrive()` and friends.
   *
   * @example const bytes = await (await message.voice!.getFile()).downloadAsBytearray();
   */
  getFile(settings?: CallSettings): Promise<File>;
}

declare module '../generated/types.js' {
  interface PhotoSize extends GetFileShortcut {}
  interface Audio extends GetFileShortcut {}
  interface Document extends GetFileShortcut {}
  interface Video extends GetFileShortcut {}
  interface VideoNote extends GetFileShortcut {}
  interface Voice extends GetFileShortcut {}
  interface Animation extends GetFileShortcut {}
  interface Sticker extends GetFileShortcut {}
  interface LivePhoto extends GetFileShortcut {}

  interface ChatPhoto {
    /**
     * The small (160×160) chat photo as a `File` ready to download.
     *
     * @example await (await chat.photo!.getSmallFile()).downloadToDrive('avatar.jpg');
     */
    getSmallFile(settings?: CallSettings): Promise<File>;
    /** The big (640×640) chat photo as a `File` ready to download. */
    getBigFile(settings?: CallSettings): Promise<File>;
  }
}

const MEDIA = [PhotoSize, Audio, Document, Video, VideoNote, Voice, Animation, Sticker, LivePhoto];
// PassportFile's getFile (which also hands on decryption credentials) is in passport.ts.

/** An instance of one of the media classes. */
type Media = InstanceType<(typeof MEDIA)[number]>;

for (const media of MEDIA) {
  defineBehaviour<Media, keyof GetFileShortcut>(media, {
    getFile(settings) {
      return this.getBot().getFile(this.file_id, settings);
    },
  });
}

defineBehaviour(ChatPhoto, {
  getSmallFile(settings) {
    return this.getBot().getFile(this.small_file_id, settings);
  },
  getBigFile(settings) {
    return this.getBot().getFile(this.big_file_id, settings);
  },
});
