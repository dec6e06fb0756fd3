/**
 * Adds hand-written behaviour (shortcuts, derived properties) to a generated class. The generated
 * classes hold only the API's facts; modules in src/objects/ declare their additions with
 * `declare module '../generated/types.js'` and install them here, so each object type stays one
 * class without the generated file importing hand-written code.
 */
export function defineBehaviour<T extends object>(
  target: abstract new (...args: never[]) => T,
  members: ThisType<T> & Record<string, unknown>,
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
