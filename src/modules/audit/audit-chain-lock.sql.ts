/**
 * The audit chain lock as a scalar SQL expression, for a command that takes it inside its
 * own last statement (see README.md#chains): `audit_chain_lock(chain)` locks the chain's row
 * (creating it the first time) and the expression yields the hash the next event links to,
 * for `AuditService.recordAfterLock`. `chainParam` is the statement's placeholder (`$17`)
 * holding the key from `AuditService.chainFor`.
 */
export function auditChainLockSql(chainParam: string): string {
  return `(SELECT hash FROM audit_chain_lock(${chainParam}))`;
}
