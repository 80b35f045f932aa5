import type { components } from '../../api/schema';

/** The administration answers, named from the generated schema (a server change breaks the build). */
type Schemas = components['schemas'];

export type AdminUser = Schemas['UserResponse'];
export type Membership = Schemas['MembershipResponse'];
export type UserPage = Schemas['UserPageResponse'];
export type UnitPage = Schemas['UnitPageResponse'];
export type Holiday = Schemas['HolidayResponse'];
export type HolidayList = Schemas['HolidayListResponse'];
export type HolidayChange = Schemas['HolidayChangeResponse'];
export type Policy = Schemas['PolicyResponse'];
export type PolicyList = Schemas['PolicyListResponse'];
export type QueueSession = Schemas['QueueSessionResponse'];
export type Role = Membership['role'];
export type Clearance = AdminUser['clearance'];
