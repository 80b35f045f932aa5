import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';
import { RefreshToken } from 'src/modules/auth/refresh-token.entity.js';
import { Unit } from 'src/modules/organisations/unit.entity.js';
import { Membership } from 'src/modules/users/membership.entity.js';
import { User } from 'src/modules/users/user.entity.js';

/** Every entity of the application; the DataSource and the schema-drift test read this list. */
export const ENTITIES = [AuditEvent, Unit, User, Membership, RefreshToken];
