/**
 * Adds hand-written behaviour (shortcuts, derived properties) to a generated class. The generated
 * classes hold only the API's facts; modules in src/objects/ declare their additions with
 * `declare module '../generated/types.js'` and install them here, so each object type stays one
 * class without the generated file importing hand-written code.
 */

/** What a member that the class does not declare is checked against: a message, so the error says what to do. */
export type Undeclared<P extends PropertyKey> =
  `${P & string} is not declared on this class: declare it in the module's declare module block`;

/**
 * The members as the class declares them, by the keys given: each implementation must fit its
 * declaration (parameters, return type), and a key the class does not declare must fit
 * {@link Undeclared}, which nothing does.
 */
export type DeclaredMembers<T, K extends PropertyKey> = {
  [P in K]: P extends keyof T ? T[P] : Undeclared<P>;
};

/**
 * Installs `members` on `target.prototype` (non-enumerable, like class members). Each member is
 * checked against the class's declaration, so an implementation with other parameters or another
 * return type, or a member the class does not declare, does not compile; the implementations take
 * their parameter types from the declarations and need no annotations. `this` is the instance.
 *
 * @example
 * ```ts
 * declare module '../generated/types.js' {
 *   interface Birthdate {
 *     toDate(year?: number): Date;
 *   }
 * }
 * defineBehaviour(Birthdate, {
 *   toDate(year) { return birthday(this, year); },
 * });
 * ```
 */
export function defineBehaviour<T extends object, K extends PropertyKey>(
  target: abstract new (...args: never[]) => T,
  members: DeclaredMembers<T, K> & ThisType<T>,
): void {
  for (const key of Object.keys(members)) {
    const descriptor = Object.getOwnPropertyDescriptor(members, key) as PropertyDescriptor;
    if (Object.hasOwn(target.prototype, key)) {
      throw new Error(`${target.name}.${key} is defined twice`);
    }
    // Non-enumerable, like class members: for..in and toJSON see API fields only.
    Object.defineProperty(target.prototype, key, { ...descriptor, enumerable: false });
  }
}
