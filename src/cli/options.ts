import { UsageError } from './usage';

/** A whole number ≥ 1 from an option, or undefined when the option is absent. */
export function positiveInt(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${option} expects a whole number ≥ 1, got "${raw}"`);
  return n;
}

/** A positive number (seconds, dollars) from an option. */
export function positiveNumber(option: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} expects a positive number, got "${raw}"`);
  return n;
}

export function oneOf<T extends string>(option: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}
