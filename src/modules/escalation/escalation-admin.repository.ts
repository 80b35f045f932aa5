import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { POLICY_ROW, type PolicyRow } from 'src/modules/escalation/escalation.repository.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { col, queryFirst, queryRows } from 'src/database/rows.js';

export interface HolidayRow {
  date: string;
  nameTh: string;
  nameEn: string | null;
  source: 'seed' | 'admin';
}

const HOLIDAY_ROW = {
  date: col.text,
  nameTh: col.text,
  nameEn: col.nullable(col.text),
  source: col.oneOf('seed', 'admin'),
};

/** All SQL of holiday and deadline-policy administration (the ladder's is EscalationRepository's). */
@Injectable()
export class EscalationAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findHolidays(from: string | null, to: string | null): Promise<HolidayRow[]> {
    return queryRows(
      this.dataSource,
      'EscalationAdminRepository.findHolidays',
      HOLIDAY_ROW,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name_th AS "nameTh", name_en AS "nameEn", source
         FROM holidays
        WHERE ($1::date IS NULL OR date >= $1) AND ($2::date IS NULL OR date <= $2)
        ORDER BY date`,
      [from, to],
    );
  }

  /** Inserts holidays; a date already present is left as it is. Returns the dates added. */
  async insertHolidays(
    manager: EntityManager,
    rows: { date: string; nameTh: string; nameEn: string | null }[],
    source: 'seed' | 'admin',
    by: string | null,
    now: Date,
  ): Promise<string[]> {
    const inserted = await queryRows(
      manager,
      'EscalationAdminRepository.insertHolidays',
      { date: col.text },
      `INSERT INTO holidays (date, name_th, name_en, source, created_at, created_by)
       SELECT r.date, r."nameTh", r."nameEn", $2, $4, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(date date, "nameTh" text, "nameEn" text)
       ON CONFLICT (date) DO NOTHING
       RETURNING to_char(date, 'YYYY-MM-DD') AS date`,
      [JSON.stringify(rows), source, by, now],
    );
    return inserted.map((row) => row.date).sort();
  }

  async deleteHoliday(manager: EntityManager, date: string): Promise<HolidayRow | undefined> {
    const row = await queryFirst(
      manager,
      'EscalationAdminRepository.deleteHoliday',
      HOLIDAY_ROW,
      `WITH removed AS (DELETE FROM holidays WHERE date = $1 RETURNING *)
       SELECT to_char(date, 'YYYY-MM-DD') AS date, name_th AS "nameTh", name_en AS "nameEn", source
         FROM removed`,
      [date],
    );
    return row ?? undefined;
  }

  /** Removes a Gregorian year's holidays (for an import that replaces the year). */
  async deleteHolidaysOfYear(manager: EntityManager, year: number): Promise<number> {
    const rows = await queryRows(
      manager,
      'EscalationAdminRepository.deleteHolidaysOfYear',
      {},
      `WITH removed AS (DELETE FROM holidays WHERE date >= make_date($1, 1, 1)
                          AND date < make_date($1 + 1, 1, 1) RETURNING 1)
       SELECT 1 FROM removed`,
      [year],
    );
    return rows.length;
  }

  async findPolicies(manager: EntityManager = this.dataSource.manager): Promise<PolicyRow[]> {
    return queryRows(
      manager,
      'EscalationAdminRepository.findPolicies',
      POLICY_ROW,
      `SELECT speed, ack_working_minutes AS "ackWorkingMinutes",
              step_working_minutes AS "stepWorkingMinutes", updated_at AS "updatedAt"
         FROM escalation_policies
        ORDER BY array_position(ARRAY['most_urgent', 'very_urgent', 'urgent', 'none'], speed)`,
    );
  }

  async upsertPolicy(
    manager: EntityManager,
    policy: { speed: Speed; ackWorkingMinutes: number; stepWorkingMinutes: number[] },
    by: string,
    now: Date,
  ): Promise<PolicyRow> {
    const rows = await queryRows(
      manager,
      'EscalationAdminRepository.upsertPolicy',
      POLICY_ROW,
      `INSERT INTO escalation_policies (speed, ack_working_minutes, step_working_minutes, updated_at, updated_by)
       VALUES ($1, $2, $3::int[], $4, $5)
       ON CONFLICT (speed) DO UPDATE SET ack_working_minutes = EXCLUDED.ack_working_minutes,
         step_working_minutes = EXCLUDED.step_working_minutes, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by
       RETURNING speed, ack_working_minutes AS "ackWorkingMinutes",
                 step_working_minutes AS "stepWorkingMinutes", updated_at AS "updatedAt"`,
      [policy.speed, policy.ackWorkingMinutes, policy.stepWorkingMinutes, now, by],
    );
    return rows[0];
  }
}
