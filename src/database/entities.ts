import { AuditEvent } from 'src/modules/audit/audit-event.entity.js';

/** Every entity of the application; the DataSource and the schema-drift test read this list. */
export const ENTITIES = [AuditEvent];
