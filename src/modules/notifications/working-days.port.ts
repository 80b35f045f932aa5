/**
 * Whether a date is a working day, as the deployment's working-time calendar says. The
 * calendar (holidays as data) is escalation's; notifications asks through this port so
 * that it imports nothing from escalation.
 */
export interface WorkingDays {
  isWorkingDay(isoDate: string): Promise<boolean>;
}

export const WORKING_DAYS = Symbol('WORKING_DAYS');
