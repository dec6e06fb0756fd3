/**
 * Checks and normalises the parameters of any method from the generated metadata: required
 * parameters, scalar types (forms send strings), JSON-serialized objects, nested object shapes
 * and the documented length limits.
 */
import type { FieldMeta, MethodMeta } from '../generated/metadata.js';
import { TYPES } from '../generated/metadata.js';
import { ApiError, badRequest } from './errors.js';
import { formatText } from './format.js';
import type { RequestInput, Upload } from './http/body.js';
import { apiBool, modernizeInput } from './legacy.js';

/** A file sent in the request itself (a multipart part), referenced by a parameter. */
export class UploadRef {
  readonly upload: Upload;
  constructor(upload: Upload) {
    this.upload = upload;
  }
}

const FILE_PARAMS = new Set([
  'photo',
  'audio',
  'document',
  'video',
  'animation',
  'voice',
  'video_note',
  'sticker',
  'live_photo',
]);

function emptyDescription(method: string, name: string): string {
  if (name === 'text' && method !== 'answerCallbackQuery') return 'message text is empty';
  if (FILE_PARAMS.has(name)) return `there is no ${name} in the request`;
  if (name === 'media') return 'media is empty';
  return `${name} is empty`;
}

function tooLongDescription(name: string): string {
  if (name === 'text' || name === 'message_text') return 'message is too long';
  if (name === 'caption') return 'message caption is too long';
  if (name === 'callback_data') return 'BUTTON_DATA_INVALID';
  return `${name} is too long`;
}

function isScalarType(type: string): boolean {
  return ['Integer', 'Float', 'Boolean', 'True', 'String', 'InputFile'].includes(type);
}

/** Thrown inside the recursive check; turned into a 400 with the parameter's name. */
class ShapeError extends Error {}

function coerceScalar(value: unknown, type: string): { ok: boolean; value: unknown } {
  switch (type) {
    case 'Integer':
      if (typeof value === 'number' && Number.isInteger(value)) return { ok: true, value };
      if (typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim()))
        return { ok: true, value: Number(value) };
      return { ok: false, value };
    case 'Float':
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return { ok: true, value: Number(value) };
      }
      return { ok: false, value };
    case 'Boolean':
    case 'True':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === '1' || value === 1) return { ok: true, value: true };
      if (value === 'false' || value === '0' || value === 0 || value === '')
        return { ok: true, value: false };
      return { ok: false, value };
    case 'String':
    case 'InputFile':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      if (value instanceof UploadRef) return { ok: true, value };
      return { ok: false, value };
    default:
      return { ok: false, value };
  }
}

function lengthOf(value: string, unit: 'characters' | 'bytes'): number {
  return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : value.length;
}

/** Resolves `attach://name` references to uploads, anywhere in a value. */
function attach(value: unknown, uploads: Map<string, Upload>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    const upload = uploads.get(value.slice('attach://'.length));
    if (upload === undefined) throw badRequest(`file attachment ${value.slice(9)} not found`);
    return new UploadRef(upload);
  }
  if (Array.isArray(value)) return value.map((item) => attach(item, uploads));
  if (value !== null && typeof value === 'object' && !(value instanceof UploadRef)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = attach(item, uploads);
    return out;
  }
  return value;
}

/** Checks a decoded value against one of the API type names; returns the normalised value. */
function checkValue(value: unknown, types: readonly string[], path: string): unknown {
  if (types.length > 1 && types.every((type) => type.startsWith('Array of '))) {
    // Arrays of alternatives (an album of photos and videos): each item may be any of them.
    if (!Array.isArray(value)) throw new ShapeError(`field "${path}" must be an Array`);
    const inner = types.map((type) => type.slice('Array of '.length));
    return value.map((item, index) => checkValue(item, inner, `${path}[${index}]`));
  }
  let firstError: ShapeError | undefined;
  for (const type of types) {
    try {
      return checkOne(value, type, path);
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      firstError ??= error;
    }
  }
  throw firstError ?? new ShapeError(`field "${path}" has an unsupported type`);
}

function checkOne(value: unknown, type: string, path: string): unknown {
  if (type.startsWith('Array of ')) {
    if (!Array.isArray(value)) throw new ShapeError(`field "${path}" must be an Array`);
    const inner = type.slice('Array of '.length);
    return value.map((item, index) => checkOne(item, inner, `${path}[${index}]`));
  }
  if (isScalarType(type)) {
    const result = coerceScalar(value, type);
    if (!result.ok) throw new ShapeError(`field "${path}" must be of type ${type}`);
    return result.value;
  }
  const meta = TYPES[type];
  if (meta === undefined) return value;
  const object = value as Record<string, unknown>;
  if (meta.subtypes !== undefined) {
    let candidates = meta.subtypes;
    if (
      meta.discriminator !== undefined &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)
    ) {
      const tag = object[meta.discriminator];
      candidates = meta.subtypes.filter((name) =>
        TYPES[name]?.fields.some((f) => f.name === meta.discriminator && f.value === tag),
      );
      if (candidates.length === 0)
        throw new ShapeError(`field "${path}" has an unknown ${meta.discriminator}`);
    }
    return checkValue(value, candidates, path);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ShapeError(`field "${path}" must be an Object`);
  }
  const out: Record<string, unknown> = { ...object };
  for (const field of meta.fields) {
    const item = object[field.name];
    const where = `${path}.${field.name}`;
    if (item === undefined || item === null) {
      if (field.required) throw new ShapeError(`field "${where}" must be present`);
      continue;
    }
    if (field.value !== undefined && item !== field.value) {
      throw new ShapeError(`field "${where}" must be "${field.value}"`);
    }
    out[field.name] = checkValue(item, field.types, where);
    checkLength(field, out[field.name], where);
  }
  return out;
}

function checkLength(field: FieldMeta, value: unknown, where: string): void {
  const limit = field.length;
  if (limit === undefined || typeof value !== 'string' || limit.afterEntities) return;
  const length = lengthOf(value, limit.unit);
  if (length > limit.max) {
    throw field.name === 'callback_data'
      ? badRequest('BUTTON_DATA_INVALID')
      : new ShapeError(`field "${where}" is too long`);
  }
  if (length < limit.min) {
    throw field.name === 'callback_data'
      ? badRequest('BUTTON_DATA_INVALID')
      : new ShapeError(`field "${where}" is empty`);
  }
}

function parseModeParam(name: string): string {
  return name === 'text' || name === 'caption' || name === 'message_text'
    ? 'parse_mode'
    : `${name}_parse_mode`;
}

function entitiesParam(name: string): string {
  if (name === 'text' || name === 'message_text') return 'entities';
  if (name === 'caption') return 'caption_entities';
  return `${name}_entities`;
}

function decodeJson(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${name.replaceAll('_', ' ')} JSON object`);
  }
}

/**
 * Validates a request for `method` and returns its parameters normalised: numbers and booleans
 * decoded, JSON objects parsed and shape-checked, uploads resolved to {@link UploadRef}s.
 */
export function validateParams(method: MethodMeta, request: RequestInput): Record<string, unknown> {
  const input = modernizeInput(method, request);
  const params: Record<string, unknown> = {};
  for (const param of method.params) {
    let value = input.params[param.name];
    const upload = input.uploads.get(param.name);
    if (upload !== undefined && (value === undefined || value === '')) value = new UploadRef(upload);
    if (value === undefined || value === null || value === '') {
      if (param.required) throw badRequest(emptyDescription(method.name, param.name));
      continue;
    }
    if (param.types.every((t) => t === 'Boolean' || t === 'True')) {
      params[param.name] = apiBool(value);
      continue;
    }
    const structured = param.types.some((t) => !isScalarType(t));
    if (structured) {
      const scalarOk = param.types.filter(isScalarType).some((t) => coerceScalar(value, t).ok);
      if (!scalarOk || typeof value !== 'string' || /^\s*[[{]/.test(value))
        value = decodeJson(value, param.name);
    }
    value = attach(value, input.uploads);
    try {
      value = checkValue(value, param.types, param.name);
      checkLength(param, value, param.name);
    } catch (error) {
      if (error instanceof ShapeError) {
        throw structured
          ? badRequest(`can't parse ${param.name.replaceAll('_', ' ')}: ${error.message}`)
          : badRequest(`invalid ${param.name} specified`);
      }
      throw error;
    }
    params[param.name] = value;
  }
  for (const param of method.params) {
    const limit = param.length;
    const value = params[param.name];
    if (limit === undefined || !limit.afterEntities || typeof value !== 'string') continue;
    const formatted = formatText(
      value,
      params[parseModeParam(param.name)],
      params[entitiesParam(param.name)],
    );
    const length = lengthOf(formatted.text, limit.unit);
    if (length > limit.max) throw badRequest(tooLongDescription(param.name));
    if (formatted.text.trim().length === 0 && limit.min > 0) {
      throw badRequest(emptyDescription(method.name, param.name));
    }
  }
  return params;
}

/** True when the error came from validation (a 400 the caller should send as is). */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
