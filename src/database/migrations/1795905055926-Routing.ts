import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forwarding: forwards (one per request), annotations (เกษียน), in-app notifications,
 * the delivery tree level. Hand-written at the end: one live delivery per letter, sender
 * and recipient (partial unique index), and the trigger that keeps annotations
 * append-only.
 */

export class Routing1795905055926 implements MigrationInterface {
  name = 'Routing1795905055926';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "annotations" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "register_entry_id" uuid NOT NULL, "letter_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "author_name" text NOT NULL, "author_position" text, "text" text NOT NULL, "decision" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "annotations_decision_check" CHECK ("decision" IS NULL OR "decision" IN ('noted', 'proceed', 'agreed', 'approved', 'other')), CONSTRAINT "PK_d5b59b40ef7ee54b4309c2e89b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "annotations_entry_idx" ON "annotations"  ("register_entry_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "forwards" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "letter_id" uuid NOT NULL, "root_letter_id" uuid NOT NULL, "sender_unit_id" uuid NOT NULL, "register_entry_id" uuid, "parent_delivery_id" uuid, "annotation_id" uuid, "forwarded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response_due_at" TIMESTAMP WITH TIME ZONE, "recipients_created" integer NOT NULL, "recipients_skipped" integer NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b498069862aa0fab8a82c0b98d0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "forwards_sender_idx" ON "forwards"  ("sender_unit_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "forwards_letter_idx" ON "forwards"  ("letter_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid, "unit_id" uuid, "kind" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notifications_addressee_check" CHECK ("user_id" IS NOT NULL OR "unit_id" IS NOT NULL), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_unit_idx" ON "notifications"  ("unit_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_idx" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" ADD "hop" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_hop_idx" ON "deliveries"  ("root_letter_id", "hop", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_forward_idx" ON "deliveries"  ("forward_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "annotations_entry_fk" FOREIGN KEY ("register_entry_id") REFERENCES "register_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "annotations_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forwards" ADD CONSTRAINT "forwards_letter_fk" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "forwards" ADD CONSTRAINT "forwards_sender_unit_fk" FOREIGN KEY ("sender_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_forward_fk" FOREIGN KEY ("forward_id") REFERENCES "forwards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // A repeated forward of the same letter from the same sender skips the recipients that
    // already have it live (ON CONFLICT … DO NOTHING), also under concurrent requests.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deliveries_live_key" ON "deliveries" ("letter_id", "sender_unit_id", "recipient_unit_id") WHERE "state" IN ('sent', 'received')`,
    );
    // Annotations are append-only records (src/modules/routing/README.md#annotations).
    await queryRunner.query(`CREATE FUNCTION annotations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'annotations are append-only: add a new one' USING ERRCODE = 'integrity_constraint_violation';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER annotations_append_only BEFORE UPDATE OR DELETE ON "annotations" FOR EACH ROW EXECUTE FUNCTION annotations_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER annotations_append_only ON "annotations"`);
    await queryRunner.query(`DROP FUNCTION annotations_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_live_key"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_forward_fk"`);
    await queryRunner.query(`ALTER TABLE "forwards" DROP CONSTRAINT "forwards_sender_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "forwards" DROP CONSTRAINT "forwards_letter_fk"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "annotations_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "annotations_entry_fk"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_forward_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_hop_idx"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "hop"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_unit_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."forwards_letter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."forwards_sender_idx"`);
    await queryRunner.query(`DROP TABLE "forwards"`);
    await queryRunner.query(`DROP INDEX "public"."annotations_entry_idx"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
  }
}
