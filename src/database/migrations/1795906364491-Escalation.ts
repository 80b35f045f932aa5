import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Escalation: the holiday table seeded with the fixed-date national holidays of
 * BE 2568–2570 (lunar and special holidays are added by an administrator), the deadline
 * policy per speed class with our default values, escalation records, sweep runs, and the
 * notification outbox and preferences.
 */

export class Escalation1795906364491 implements MigrationInterface {
  name = 'Escalation1795906364491';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email" text, "digest" boolean NOT NULL DEFAULT true, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbound_messages" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "channel" text NOT NULL, "address" text NOT NULL, "user_id" uuid, "kind" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "state" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "outbound_messages_state_check" CHECK ("state" IN ('pending', 'sent', 'refused', 'failed')), CONSTRAINT "outbound_messages_channel_check" CHECK ("channel" IN ('email', 'webhook')), CONSTRAINT "PK_0a03db3e2f04f9f33e6daa597ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "escalations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "delivery_id" uuid NOT NULL, "level" smallint NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notified_unit_id" uuid, "notified_user_ids" uuid array NOT NULL DEFAULT '{}', "next_due_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "escalations_delivery_level_key" UNIQUE ("delivery_id", "level"), CONSTRAINT "escalations_level_check" CHECK ("level" BETWEEN 1 AND 4), CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "escalations_level_idx" ON "escalations"  ("level") `);
    await queryRunner.query(
      `CREATE TABLE "escalation_policies" ("speed" text NOT NULL, "ack_working_minutes" integer NOT NULL, "step_working_minutes" integer array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "escalation_policies_steps_check" CHECK (cardinality("step_working_minutes") <= 3), CONSTRAINT "escalation_policies_ack_check" CHECK ("ack_working_minutes" > 0), CONSTRAINT "escalation_policies_speed_check" CHECK ("speed" IN ('none', 'urgent', 'very_urgent', 'most_urgent')), CONSTRAINT "PK_dd006abea31c86e6557b191682a" PRIMARY KEY ("speed"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "holidays" ("date" date NOT NULL, "name_th" text NOT NULL, "name_en" text, "source" text NOT NULL DEFAULT 'admin', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "holidays_source_check" CHECK ("source" IN ('seed', 'admin')), CONSTRAINT "PK_40dfddee0c0d7125c767d8962b1" PRIMARY KEY ("date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "escalation_sweep_runs" ("slot" bigint NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "worker" text NOT NULL, "candidates" integer NOT NULL DEFAULT '0', "enqueued" integer NOT NULL DEFAULT '0', "promoted" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_60a3c3221872d72646257d72128" PRIMARY KEY ("slot"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalations" ADD CONSTRAINT "escalations_delivery_fk" FOREIGN KEY ("delivery_id") REFERENCES "deliveries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: the sweep reads only levels whose next level is still to come, and
    // only messages still to send; both stay small whatever the history.
    await queryRunner.query(
      `CREATE INDEX "escalations_next_due_idx" ON "escalations" ("next_due_at") WHERE "next_due_at" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbound_messages_pending_idx" ON "outbound_messages" ("created_at") WHERE "state" = 'pending'`,
    );
    // Our policy, not the regulation's (it gives no numbers): one working day = 480 min.
    await queryRunner.query(`INSERT INTO "escalation_policies" ("speed", "ack_working_minutes", "step_working_minutes", "updated_at") VALUES
          ('most_urgent', 120, '{120,240,480}', now()),
          ('very_urgent', 480, '{480,480,960}', now()),
          ('urgent', 960, '{480,960,960}', now()),
          ('none', 1440, '{960,1440,2400}', now())
          ON CONFLICT ("speed") DO NOTHING`);
    // Fixed-date national holidays of BE 2568–2570 (national-holidays.ts), government offices only.
    await queryRunner.query(`INSERT INTO "holidays" ("date", "name_th", "name_en", "source", "created_at") SELECT d::date, n, e, 'seed', now() FROM (VALUES
          ('2025-01-01', 'วันขึ้นปีใหม่', 'New Year''s Day'),
          ('2025-04-06', 'วันจักรี', 'Chakri Memorial Day'),
          ('2025-04-13', 'วันสงกรานต์', 'Songkran Festival'),
          ('2025-04-14', 'วันสงกรานต์', 'Songkran Festival'),
          ('2025-04-15', 'วันสงกรานต์', 'Songkran Festival'),
          ('2025-05-04', 'วันฉัตรมงคล', 'Coronation Day'),
          ('2025-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี', 'H.M. Queen Suthida''s Birthday'),
          ('2025-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', 'H.M. the King''s Birthday'),
          ('2025-08-12', 'วันแม่แห่งชาติ', 'National Mother''s Day'),
          ('2025-10-13', 'วันนวมินทรมหาราช', 'King Bhumibol Memorial Day'),
          ('2025-10-23', 'วันปิยมหาราช', 'King Chulalongkorn Memorial Day'),
          ('2025-12-05', 'วันพ่อแห่งชาติ', 'National Father''s Day'),
          ('2025-12-10', 'วันรัฐธรรมนูญ', 'Constitution Day'),
          ('2025-12-31', 'วันสิ้นปี', 'New Year''s Eve'),
          ('2026-01-01', 'วันขึ้นปีใหม่', 'New Year''s Day'),
          ('2026-04-06', 'วันจักรี', 'Chakri Memorial Day'),
          ('2026-04-13', 'วันสงกรานต์', 'Songkran Festival'),
          ('2026-04-14', 'วันสงกรานต์', 'Songkran Festival'),
          ('2026-04-15', 'วันสงกรานต์', 'Songkran Festival'),
          ('2026-05-04', 'วันฉัตรมงคล', 'Coronation Day'),
          ('2026-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี', 'H.M. Queen Suthida''s Birthday'),
          ('2026-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', 'H.M. the King''s Birthday'),
          ('2026-08-12', 'วันแม่แห่งชาติ', 'National Mother''s Day'),
          ('2026-10-13', 'วันนวมินทรมหาราช', 'King Bhumibol Memorial Day'),
          ('2026-10-23', 'วันปิยมหาราช', 'King Chulalongkorn Memorial Day'),
          ('2026-12-05', 'วันพ่อแห่งชาติ', 'National Father''s Day'),
          ('2026-12-10', 'วันรัฐธรรมนูญ', 'Constitution Day'),
          ('2026-12-31', 'วันสิ้นปี', 'New Year''s Eve'),
          ('2027-01-01', 'วันขึ้นปีใหม่', 'New Year''s Day'),
          ('2027-04-06', 'วันจักรี', 'Chakri Memorial Day'),
          ('2027-04-13', 'วันสงกรานต์', 'Songkran Festival'),
          ('2027-04-14', 'วันสงกรานต์', 'Songkran Festival'),
          ('2027-04-15', 'วันสงกรานต์', 'Songkran Festival'),
          ('2027-05-04', 'วันฉัตรมงคล', 'Coronation Day'),
          ('2027-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี', 'H.M. Queen Suthida''s Birthday'),
          ('2027-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', 'H.M. the King''s Birthday'),
          ('2027-08-12', 'วันแม่แห่งชาติ', 'National Mother''s Day'),
          ('2027-10-13', 'วันนวมินทรมหาราช', 'King Bhumibol Memorial Day'),
          ('2027-10-23', 'วันปิยมหาราช', 'King Chulalongkorn Memorial Day'),
          ('2027-12-05', 'วันพ่อแห่งชาติ', 'National Father''s Day'),
          ('2027-12-10', 'วันรัฐธรรมนูญ', 'Constitution Day'),
          ('2027-12-31', 'วันสิ้นปี', 'New Year''s Eve')
          ) AS h(d, n, e) ON CONFLICT ("date") DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbound_messages_pending_idx"`);
    await queryRunner.query(`DROP INDEX "public"."escalations_next_due_idx"`);
    await queryRunner.query(`ALTER TABLE "escalations" DROP CONSTRAINT "escalations_delivery_fk"`);
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_fk"`,
    );
    await queryRunner.query(`DROP TABLE "escalation_sweep_runs"`);
    await queryRunner.query(`DROP TABLE "holidays"`);
    await queryRunner.query(`DROP TABLE "escalation_policies"`);
    await queryRunner.query(`DROP INDEX "public"."escalations_level_idx"`);
    await queryRunner.query(`DROP TABLE "escalations"`);
    await queryRunner.query(`DROP TABLE "outbound_messages"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
