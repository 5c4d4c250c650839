import * as id from '../constants/ids.js';
import * as rc from '../constants/returnCodes.js';
import { GskEnvironment, GskSession, valueOf, type GskRef, type gsk_handle } from '../handles.js';
import { attributeSpec } from '../attributes/table.js';
import type { AttributeKind, AttributeSpec } from '../attributes/spec.js';
import { negotiatedValue } from '../attributes/negotiatedValue.js';

/** An attribute id as a ported program names it: IBM's number or the GSK_* name. */
export type GskAttributeId = number | string;

/** A live (not closed) handle, or undefined. */
export function liveHandle(handle: unknown): gsk_handle | undefined {
  if (!(handle instanceof GskEnvironment) && !(handle instanceof GskSession)) return undefined;
  return handle.state === 'closed' ? undefined : handle;
}

/** The spec when `ref` is an id of `kind` usable on `handle`; else the status GSKit returns. */
function specFor(handle: gsk_handle, ref: GskAttributeId, kind: AttributeKind): AttributeSpec | number {
  const spec = attributeSpec(ref);
  if (spec === undefined || spec.kind !== kind) return rc.GSK_ATTRIBUTE_INVALID_ID;
  if (spec.scope === 'session' && !(handle instanceof GskSession)) return rc.GSK_ATTRIBUTE_INVALID_ID;
  if (spec.scope === 'environment' && !(handle instanceof GskEnvironment)) return rc.GSK_ATTRIBUTE_INVALID_ID;
  return spec;
}

function set(handle: unknown, ref: GskAttributeId, kind: AttributeKind, value: unknown): number {
  const h = liveHandle(handle);
  if (h === undefined) return rc.GSK_INVALID_HANDLE;
  const spec = specFor(h, ref, kind);
  if (typeof spec === 'number') return spec;
  if (!spec.settable) return rc.GSK_ATTRIBUTE_INVALID_ID;
  if (h.state !== 'open') return rc.GSK_INVALID_STATE;
  const status = spec.check?.(value) ?? rc.GSK_OK;
  if (status === rc.GSK_OK) h.values.set(spec.id, value);
  return status;
}

function get(handle: unknown, ref: GskAttributeId, kind: AttributeKind): { status: number; value?: unknown } {
  const h = liveHandle(handle);
  if (h === undefined) return { status: rc.GSK_INVALID_HANDLE };
  const spec = specFor(h, ref, kind);
  if (typeof spec === 'number') return { status: spec };
  if (!spec.readable) return { status: rc.GSK_ATTRIBUTE_INVALID_ID };
  if (spec.scope === 'negotiated' || spec.id === id.GSK_LAST_VALIDATION_ERROR) {
    if (!(h instanceof GskSession)) return spec.scope === 'negotiated' ? { status: rc.GSK_ATTRIBUTE_INVALID_ID } : { status: rc.GSK_OK, value: spec.defaultValue };
    return negotiatedValue(h, spec.id);
  }
  const value = valueOf(h, spec.id) ?? spec.defaultValue;
  return value === undefined ? { status: rc.GSK_ATTRIBUTE_INVALID_ID } : { status: rc.GSK_OK, value };
}

/** gsk_attribute_set_buffer: bufSize 0 takes the whole string, as C's NUL-terminated convention. */
export function gsk_attribute_set_buffer(handle: gsk_handle, bufID: GskAttributeId, buffer: string, bufSize = 0): number {
  if (typeof buffer !== 'string') return rc.GSK_IBMI_ERROR_INVALID_POINTER;
  if (!Number.isInteger(bufSize) || bufSize < 0 || bufSize > buffer.length) return rc.GSK_ATTRIBUTE_INVALID_LENGTH;
  return set(handle, bufID, 'buffer', bufSize === 0 ? buffer : buffer.slice(0, bufSize));
}

export function gsk_attribute_set_enum(handle: gsk_handle, enumID: GskAttributeId, enumValue: number): number {
  return set(handle, enumID, 'enum', enumValue);
}

export function gsk_attribute_set_numeric_value(handle: gsk_handle, numID: GskAttributeId, numValue: number): number {
  return set(handle, numID, 'numeric', numValue);
}

export function gsk_attribute_set_callback(handle: gsk_handle, callBackID: GskAttributeId, callBackAreaPtr: object): number {
  return set(handle, callBackID, 'callback', callBackAreaPtr);
}

/** gsk_attribute_get_buffer: `buffer.value` receives the text, `bufSize.value` its length. */
export function gsk_attribute_get_buffer(handle: gsk_handle, bufID: GskAttributeId, buffer: GskRef<string>, bufSize?: GskRef<number>): number {
  const { status, value } = get(handle, bufID, 'buffer');
  if (status === rc.GSK_OK) {
    buffer.value = String(value);
    if (bufSize !== undefined) bufSize.value = buffer.value.length;
  }
  return status;
}

export function gsk_attribute_get_enum(handle: gsk_handle, enumID: GskAttributeId, enumValue: GskRef<number>): number {
  const { status, value } = get(handle, enumID, 'enum');
  if (status === rc.GSK_OK) enumValue.value = value as number;
  return status;
}

export function gsk_attribute_get_numeric_value(handle: gsk_handle, numID: GskAttributeId, numValue: GskRef<number>): number {
  const { status, value } = get(handle, numID, 'numeric');
  if (status === rc.GSK_OK) numValue.value = value as number;
  return status;
}
