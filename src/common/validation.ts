import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

/**
 * An optional field that, when sent, must be valid: `null` is refused like any other
 * wrong value. class-validator's `@IsOptional()` skips `null` too, so a PATCH with
 * `"nameTh": null` reached the database's NOT NULL and answered 500. Fields that may be
 * cleared with `null` keep `@IsOptional()` and say `| null` in their type.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * A nested object validated as its class. `@ValidateNested()` alone accepts an array in
 * its place (`"annotation": []` passed with no element to check), so the object is
 * required to be a plain object first.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsObject()(target, key);
    ValidateNested()(target, key);
    Type(type)(target, key);
  };
}

/** A list of nested objects, each one an object validated as its class (not `[[]]`). */
export function NestedObjects(type: () => new () => object): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    IsObject({ each: true })(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}
