/**
 * Colours Telegram uses without describing them in the API: forum topic icons and the accent
 * colours behind `accent_color_id` / `profile_accent_color_id` (RGB values as numbers).
 */

/** The colours a forum topic icon can have (`icon_color` of createForumTopic). */
export const ForumIconColor = {
  BLUE: 0x6fb9f0,
  YELLOW: 0xffd67e,
  PURPLE: 0xcb86db,
  GREEN: 0x8eee98,
  PINK: 0xff93b2,
  RED: 0xfb6f5f,
} as const;
/** One of {@link ForumIconColor}'s values. */
export type ForumIconColor = (typeof ForumIconColor)[keyof typeof ForumIconColor];

/** One accent colour: its id and, where Telegram fixes them, its name or light and dark RGB colours. */
export interface AccentColorInfo {
  readonly identifier: number;
  readonly name?: string;
  readonly light_colors: readonly number[];
  readonly dark_colors: readonly number[];
}

function named(identifier: number, name: string): AccentColorInfo {
  return Object.freeze({ identifier, name, light_colors: [], dark_colors: [] });
}

function tinted(identifier: number, light: readonly number[], dark: readonly number[]): AccentColorInfo {
  return Object.freeze({
    identifier,
    light_colors: Object.freeze([...light]),
    dark_colors: Object.freeze([...dark]),
  });
}

/** Accent colours of names and link previews (`accent_color_id`); 0–6 follow the app's theme. */
export const AccentColor = Object.freeze({
  COLOR_000: named(0, 'red'),
  COLOR_001: named(1, 'orange'),
  COLOR_002: named(2, 'purple/violet'),
  COLOR_003: named(3, 'green'),
  COLOR_004: named(4, 'cyan'),
  COLOR_005: named(5, 'blue'),
  COLOR_006: named(6, 'pink'),
  COLOR_007: tinted(7, [0xe15052, 0xf9ae63], [0xff9380, 0x992f37]),
  COLOR_008: tinted(8, [0xe0802b, 0xfac534], [0xecb04e, 0xc35714]),
  COLOR_009: tinted(9, [0xa05ff3, 0xf48fff], [0xc697ff, 0x5e31c8]),
  COLOR_010: tinted(10, [0x27a910, 0xa7dc57], [0xa7eb6e, 0x167e2d]),
  COLOR_011: tinted(11, [0x27acce, 0x82e8d6], [0x40d8d0, 0x045c7f]),
  COLOR_012: tinted(12, [0x3391d4, 0x7dd3f0], [0x52bfff, 0x0b5494]),
  COLOR_013: tinted(13, [0xdd4371, 0xffbe9f], [0xff86a6, 0x8e366e]),
  COLOR_014: tinted(14, [0x247bed, 0xf04856, 0xffffff], [0x3fa2fe, 0xe5424f, 0xffffff]),
  COLOR_015: tinted(15, [0xd67722, 0x1ea011, 0xffffff], [0xff905e, 0x32a527, 0xffffff]),
  COLOR_016: tinted(16, [0x179e42, 0xe84a3f, 0xffffff], [0x66d364, 0xd5444f, 0xffffff]),
  COLOR_017: tinted(17, [0x2894af, 0x6fc456, 0xffffff], [0x22bce2, 0x3da240, 0xffffff]),
  COLOR_018: tinted(18, [0x0c9ab3, 0xffad95, 0xffe6b5], [0x22bce2, 0xff9778, 0xffda6b]),
  COLOR_019: tinted(19, [0x7757d6, 0xf79610, 0xffde8e], [0x9791ff, 0xf2731d, 0xffdb59]),
  COLOR_020: tinted(20, [0x1585cf, 0xf2ab1d, 0xffffff], [0x3da6eb, 0xeea51d, 0xffffff]),
});

/** Accent colours of profile backgrounds (`profile_accent_color_id`). */
export const ProfileAccentColor = Object.freeze({
  COLOR_000: tinted(0, [0xba5650], [0x9c4540]),
  COLOR_001: tinted(1, [0xc27c3e], [0x945e2c]),
  COLOR_002: tinted(2, [0x956ac8], [0x715099]),
  COLOR_003: tinted(3, [0x49a355], [0x33713b]),
  COLOR_004: tinted(4, [0x3e97ad], [0x387e87]),
  COLOR_005: tinted(5, [0x5a8fbb], [0x477194]),
  COLOR_006: tinted(6, [0xb85378], [0x944763]),
  COLOR_007: tinted(7, [0x7f8b95], [0x435261]),
  COLOR_008: tinted(8, [0xc9565d, 0xd97c57], [0x994343, 0xac583e]),
  COLOR_009: tinted(9, [0xcf7244, 0xcc9433], [0x8f552f, 0xa17232]),
  COLOR_010: tinted(10, [0x9662d4, 0xb966b6], [0x634691, 0x9250a2]),
  COLOR_011: tinted(11, [0x3d9755, 0x89a650], [0x296a43, 0x5f8f44]),
  COLOR_012: tinted(12, [0x3d95ba, 0x50ad98], [0x306c7c, 0x3e987e]),
  COLOR_013: tinted(13, [0x538bc2, 0x4da8bd], [0x38618c, 0x458ba1]),
  COLOR_014: tinted(14, [0xb04f74, 0xd1666d], [0x884160, 0xa65259]),
  COLOR_015: tinted(15, [0x637482, 0x7b8a97], [0x53606e, 0x384654]),
});
