import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuditActor } from 'src/modules/audit/audit.service.js';
import {
  buildNationalTree,
  loadAddressRows,
  MINISTRY_KEY,
  readLetterCodes,
  type SeedUnit,
} from 'src/modules/organisations/national-tree.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';
import type { Clearance, MembershipRole } from 'src/modules/users/roles.js';
import { UsersService } from 'src/modules/users/users.service.js';

/** Password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'saraban-demo-2569';

/** The demo tree: a subset of the national tree, so both seeds can share a database. */
const DEMO_UNIT_KEYS = [
  MINISTRY_KEY,
  'th:ร้อยเอ็ด',
  'th:ร้อยเอ็ด#office',
  'th:ร้อยเอ็ด#office/admin',
  'th:ร้อยเอ็ด#office/strategy',
  'th:ร้อยเอ็ด#pao',
  'th:ร้อยเอ็ด/เมืองร้อยเอ็ด',
  'th:ร้อยเอ็ด/เมืองร้อยเอ็ด/ในเมือง',
  'th:ร้อยเอ็ด/เมืองร้อยเอ็ด/เหนือเมือง',
  'th:ร้อยเอ็ด/เมืองร้อยเอ็ด/ดงลาน',
  'th:ร้อยเอ็ด/เสลภูมิ',
  'th:ร้อยเอ็ด/เสลภูมิ/กลาง',
  'th:ร้อยเอ็ด/เสลภูมิ/ขวาว',
];

export interface DemoAccount {
  username: string;
  displayName: string;
  positionTitle: string;
  unitKey: string;
  role: MembershipRole;
  clearance: Clearance;
}

/** One account per role and level; the README lists them. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin.moi',
    displayName: 'ผู้ดูแลระบบ กระทรวงมหาดไทย',
    positionTitle: 'นักวิชาการคอมพิวเตอร์ชำนาญการ',
    unitKey: MINISTRY_KEY,
    role: 'admin',
    clearance: 'secret',
  },
  {
    username: 'admin.roiet',
    displayName: 'ผู้ดูแลระบบ จังหวัดร้อยเอ็ด',
    positionTitle: 'นักวิชาการคอมพิวเตอร์ปฏิบัติการ',
    unitKey: 'th:ร้อยเอ็ด',
    role: 'admin',
    clearance: 'confidential',
  },
  {
    username: 'governor.roiet',
    displayName: 'นายสมศักดิ์ ใจกล้า',
    positionTitle: 'ผู้ว่าราชการจังหวัดร้อยเอ็ด',
    unitKey: 'th:ร้อยเอ็ด',
    role: 'head',
    clearance: 'secret',
  },
  {
    username: 'head.office',
    displayName: 'นางสาวพรทิพย์ ศรีสุข',
    positionTitle: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด',
    unitKey: 'th:ร้อยเอ็ด#office',
    role: 'head',
    clearance: 'confidential',
  },
  {
    username: 'clerk.office',
    displayName: 'นางสมใจ ใจดี',
    positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
    unitKey: 'th:ร้อยเอ็ด#office',
    role: 'clerk',
    clearance: 'none',
  },
  {
    username: 'clerk.strategy',
    displayName: 'นายวิชัย ทองดี',
    positionTitle: 'เจ้าพนักงานธุรการปฏิบัติงาน',
    unitKey: 'th:ร้อยเอ็ด#office/strategy',
    role: 'clerk',
    clearance: 'none',
  },
  {
    username: 'official.strategy',
    displayName: 'นางสาวอรุณี แสงทอง',
    positionTitle: 'นักวิเคราะห์นโยบายและแผนชำนาญการ',
    unitKey: 'th:ร้อยเอ็ด#office/strategy',
    role: 'official',
    clearance: 'none',
  },
  {
    username: 'head.mueang',
    displayName: 'นายประเสริฐ บุญมา',
    positionTitle: 'นายอำเภอเมืองร้อยเอ็ด',
    unitKey: 'th:ร้อยเอ็ด/เมืองร้อยเอ็ด',
    role: 'head',
    clearance: 'confidential',
  },
  {
    username: 'clerk.mueang',
    displayName: 'นางบุญเรือน พิมพ์ดี',
    positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
    unitKey: 'th:ร้อยเอ็ด/เมืองร้อยเอ็ด',
    role: 'clerk',
    clearance: 'none',
  },
  {
    username: 'clerk.selaphum',
    displayName: 'นายสุริยา คำแสน',
    positionTitle: 'เจ้าพนักงานธุรการปฏิบัติงาน',
    unitKey: 'th:ร้อยเอ็ด/เสลภูมิ',
    role: 'clerk',
    clearance: 'none',
  },
  {
    username: 'clerk.town',
    displayName: 'นางสาวมาลัย ดอกแก้ว',
    positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
    unitKey: 'th:ร้อยเอ็ด/เมืองร้อยเอ็ด/ในเมือง',
    role: 'clerk',
    clearance: 'none',
  },
  {
    username: 'clerk.pao',
    displayName: 'นายอนุชา ศรีวงศ์',
    positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
    unitKey: 'th:ร้อยเอ็ด#pao',
    role: 'clerk',
    clearance: 'none',
  },
];

export interface SeedReport {
  unitsInserted: number;
  unitsTotal: number;
  usersCreated: number;
  countsByKind: Record<string, number>;
}

const SEED_ACTOR: AuditActor = { userId: null, name: 'cli' };

/** Demo and national seeds. Both are idempotent: natural keys, insert-if-missing. */
@Injectable()
export class SeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  async nationalUnits(): Promise<SeedUnit[]> {
    return buildNationalTree(await loadAddressRows(), readLetterCodes());
  }

  async seedNational(onProgress?: (done: number, total: number) => void): Promise<SeedReport> {
    const units = await this.nationalUnits();
    const inserted = await this.insertUnits('national', units, onProgress);
    return {
      unitsInserted: inserted,
      unitsTotal: units.length,
      usersCreated: 0,
      countsByKind: await this.organisations.countSeededByKind([MINISTRY_KEY, 'th:']),
    };
  }

  async seedDemo(): Promise<SeedReport> {
    const wanted = new Set(DEMO_UNIT_KEYS);
    const units = (await this.nationalUnits()).filter((unit) => wanted.has(unit.seedKey));
    const inserted = await this.insertUnits('demo', units);
    const ids = await this.dataSource.transaction((manager) =>
      this.organisations.seedUnitIds(manager, DEMO_UNIT_KEYS),
    );
    let usersCreated = 0;
    for (const account of DEMO_ACCOUNTS) {
      const created = await this.users.ensureUser(
        {
          username: account.username,
          displayName: account.displayName,
          positionTitle: account.positionTitle,
          password: DEMO_PASSWORD,
          clearance: account.clearance,
          unitId: ids.get(account.unitKey)!,
          role: account.role,
        },
        SEED_ACTOR,
      );
      if (created) usersCreated += 1;
    }
    return {
      unitsInserted: inserted,
      unitsTotal: units.length,
      usersCreated,
      countsByKind: await this.organisations.countSeededByKind([MINISTRY_KEY, 'th:']),
    };
  }

  /** One transaction: the units and one audit event, or nothing. */
  private insertUnits(
    seed: 'demo' | 'national',
    units: SeedUnit[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await this.organisations.insertSeedUnits(manager, units, onProgress);
      if (inserted > 0) {
        await this.organisations.recordSeed(manager, SEED_ACTOR, seed, {
          unitsInserted: inserted,
          unitsInSeed: units.length,
        });
      }
      return inserted;
    });
  }
}
