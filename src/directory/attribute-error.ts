import { WardenError, type ErrorDetails } from '../errors';

/**
 * A value in an entry that does not have the form its attribute requires
 * (a SID of the wrong length, a FILETIME that is not a number). It names the
 * attribute and the entry so that the object can be found and fixed.
 */
export class AttributeValueError extends WardenError {
  declare readonly code: 'INVALID_ATTRIBUTE_VALUE';

  constructor(attribute: string, reason: string, details: ErrorDetails = {}) {
    super('INVALID_ATTRIBUTE_VALUE', `The ${attribute} value ${reason}.`, { attribute, ...details });
  }
}
