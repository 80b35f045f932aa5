import type { EntityManager } from 'typeorm';
import { DomainError } from 'src/common/domain-error.js';
import type { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import type { RoutingRepository } from 'src/modules/routing/routing.repository.js';

/**
 * The unit a progress or tracking read is asked about, when the principal may see it; a unit
 * out of sight answers as one that does not exist.
 */
export async function findVisibleUnit(
  routing: RoutingRepository,
  access: AccessService,
  principal: Principal,
  unitId: string,
  db: EntityManager,
) {
  const [unit] = await routing.findUnits(db, [unitId]);
  if (!unit || !access.canSeeUnitRef(principal, unit))
    throw new DomainError(RoutingErrors.DELIVERY_NOT_FOUND, { detail: 'ไม่พบหน่วยงานที่ระบุ' });
  return unit;
}
