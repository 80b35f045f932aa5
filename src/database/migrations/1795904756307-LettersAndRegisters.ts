import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files, letters, registers with yearly counters and entries, idempotency keys and the
 * delivery table. Hand-written at the end: Thai trigram search indexes, the pending-due
 * partial index, and the trigger that keeps an entry's number, register and year fixed.
 */

export class LettersAndRegisters1795904756307 implements MigrationInterface {
  name = 'LettersAndRegisters1795904756307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("owner" text NOT NULL, "key" text NOT NULL, "scope" text NOT NULL, "request_hash" character(64) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f796aec32cfd80b443f883257a6" PRIMARY KEY ("owner", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "files" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "pages" integer NOT NULL, "media_type" text NOT NULL, "original_name" text, "uploaded_by" uuid, "uploaded_unit_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "files_sha256_idx" ON "files"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "files_uploaded_unit_idx" ON "files"  ("uploaded_unit_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "letters" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" text NOT NULL, "speed" text NOT NULL DEFAULT 'none', "speed_deadline" TIMESTAMP WITH TIME ZONE, "secrecy" text NOT NULL DEFAULT 'none', "reference_raw" text, "agency_prefix" text, "agency_number" text, "circular" boolean NOT NULL DEFAULT false, "serial" integer, "letter_date_raw" text, "letter_date" date, "suggested_letter_date" date, "subject" text NOT NULL, "addressee" text, "references" jsonb NOT NULL DEFAULT '[]', "enclosures" jsonb NOT NULL DEFAULT '[]', "signatory" jsonb, "sender_unit_id" uuid, "sender_text" text, "root_letter_id" uuid NOT NULL, "encloses_letter_id" uuid, "warnings" jsonb NOT NULL DEFAULT '[]', "printed_stamps" jsonb NOT NULL DEFAULT '[]', "created_unit_id" uuid NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "letters_secrecy_check" CHECK ("secrecy" IN ('none', 'confidential', 'secret')), CONSTRAINT "letters_speed_check" CHECK ("speed" IN ('none', 'urgent', 'very_urgent', 'most_urgent')), CONSTRAINT "letters_kind_check" CHECK ("kind" IN ('external', 'memo', 'stamped', 'directive', 'notice', 'record')), CONSTRAINT "PK_bf70c41d26aa84cf2651d571889" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "letters_created_unit_idx" ON "letters"  ("created_unit_id", "created_at") `,
    );
    await queryRunner.query(`CREATE INDEX "letters_root_idx" ON "letters"  ("root_letter_id") `);
    await queryRunner.query(
      `CREATE INDEX "letters_reference_idx" ON "letters"  ("agency_prefix", "agency_number", "serial") `,
    );
    await queryRunner.query(
      `CREATE TABLE "letter_files" ("letter_id" uuid NOT NULL, "position" integer NOT NULL, "file_id" uuid NOT NULL, CONSTRAINT "PK_923f5c745f48150670c41e27291" PRIMARY KEY ("letter_id", "position"))`,
    );
    await queryRunner.query(`CREATE INDEX "letter_files_file_idx" ON "letter_files"  ("file_id") `);
    await queryRunner.query(
      `CREATE TABLE "registers" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "unit_id" uuid NOT NULL, "kind" text NOT NULL, "direction" text NOT NULL, "name" text NOT NULL, "min_clearance" text NOT NULL DEFAULT 'none', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "registers_direction_check" CHECK ("direction" IN ('incoming', 'outgoing')), CONSTRAINT "registers_kind_check" CHECK ("kind" IN ('incoming', 'outgoing', 'circular', 'custom')), CONSTRAINT "PK_c80e46007c1de9f8d1c59b3b9b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registers_unit_name_key" ON "registers"  ("unit_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "register_counters" ("register_id" uuid NOT NULL, "be_year" integer NOT NULL, "last_number" integer NOT NULL, "opening_floor" integer, CONSTRAINT "PK_2c24df2ddf1816ca0b7138d06a5" PRIMARY KEY ("register_id", "be_year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "register_entries" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "register_id" uuid NOT NULL, "be_year" integer NOT NULL, "number" integer NOT NULL, "letter_id" uuid NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "action" text, "remarks" text, "status" text NOT NULL DEFAULT 'active', "cancel_reason" text, "cancelled_at" TIMESTAMP WITH TIME ZONE, "replaces_entry_id" uuid, "replaced_by_entry_id" uuid, "delivery_id" uuid, "issued_reference" text, "created_by" uuid, CONSTRAINT "register_entries_number_check" CHECK ("number" > 0), CONSTRAINT "register_entries_status_check" CHECK ("status" IN ('active', 'cancelled')), CONSTRAINT "PK_c1de65929d5e015b1374889485c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "register_entries_register_time_idx" ON "register_entries"  ("register_id", "registered_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "register_entries_letter_idx" ON "register_entries"  ("letter_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "register_entries_number_key" ON "register_entries"  ("register_id", "be_year", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "letter_id" uuid NOT NULL, "root_letter_id" uuid NOT NULL, "sender_unit_id" uuid NOT NULL, "recipient_unit_id" uuid NOT NULL, "parent_delivery_id" uuid, "forward_id" uuid NOT NULL, "forwarded_by" uuid, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "state" text NOT NULL DEFAULT 'sent', "state_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "receipt_entry_id" uuid, "receipt_number" integer, "state_reason" text, "external_message_id" text, CONSTRAINT "deliveries_state_check" CHECK ("state" IN ('sent', 'received', 'returned', 'cancelled')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_parent_idx" ON "deliveries"  ("parent_delivery_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_recipient_state_idx" ON "deliveries"  ("recipient_unit_id", "state", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_root_state_idx" ON "deliveries"  ("root_letter_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_letter_recipient_idx" ON "deliveries"  ("letter_id", "recipient_unit_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "letters" ADD CONSTRAINT "letters_sender_unit_fk" FOREIGN KEY ("sender_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letters" ADD CONSTRAINT "letters_encloses_fk" FOREIGN KEY ("encloses_letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letters" ADD CONSTRAINT "letters_created_unit_fk" FOREIGN KEY ("created_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letter_files" ADD CONSTRAINT "letter_files_letter_fk" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "letter_files" ADD CONSTRAINT "letter_files_file_fk" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registers" ADD CONSTRAINT "registers_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_register_fk" FOREIGN KEY ("register_id") REFERENCES "registers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_register_fk" FOREIGN KEY ("register_id") REFERENCES "registers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_letter_fk" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_letter_fk" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_sender_unit_fk" FOREIGN KEY ("sender_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_recipient_unit_fk" FOREIGN KEY ("recipient_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_parent_fk" FOREIGN KEY ("parent_delivery_id") REFERENCES "deliveries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "letters_subject_trgm_idx" ON "letters" USING gin ("subject" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "letters_sender_trgm_idx" ON "letters" USING gin ("sender_text" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "letters_reference_trgm_idx" ON "letters" USING gin ("reference_raw" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_pending_due_idx" ON "deliveries" ("due_at") WHERE "state" = 'sent'`,
    );
    // Invariant 3: a number once given is never changed, moved or reused.
    await queryRunner.query(`CREATE FUNCTION register_entries_fixed_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.register_id <> OLD.register_id OR NEW.be_year <> OLD.be_year OR NEW.number <> OLD.number
     OR NEW.letter_id <> OLD.letter_id OR NEW.registered_at <> OLD.registered_at THEN
    RAISE EXCEPTION 'the number, register, year, letter and time of a register entry never change'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER register_entries_fixed_number BEFORE UPDATE ON "register_entries" FOR EACH ROW EXECUTE FUNCTION register_entries_fixed_number()`,
    );
    await queryRunner.query(`CREATE FUNCTION register_entries_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'register entries are never deleted: cancel them' USING ERRCODE = 'integrity_constraint_violation';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER register_entries_no_delete BEFORE DELETE ON "register_entries" FOR EACH ROW EXECUTE FUNCTION register_entries_no_delete()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER register_entries_no_delete ON "register_entries"`);
    await queryRunner.query(`DROP FUNCTION register_entries_no_delete()`);
    await queryRunner.query(`DROP TRIGGER register_entries_fixed_number ON "register_entries"`);
    await queryRunner.query(`DROP FUNCTION register_entries_fixed_number()`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_pending_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."letters_reference_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."letters_sender_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."letters_subject_trgm_idx"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_parent_fk"`);
    await queryRunner.query(
      `ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_recipient_unit_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_sender_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "deliveries_letter_fk"`);
    await queryRunner.query(
      `ALTER TABLE "register_entries" DROP CONSTRAINT "register_entries_letter_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "register_entries" DROP CONSTRAINT "register_entries_register_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "register_counters" DROP CONSTRAINT "register_counters_register_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "registers" DROP CONSTRAINT "registers_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "letter_files" DROP CONSTRAINT "letter_files_file_fk"`);
    await queryRunner.query(`ALTER TABLE "letter_files" DROP CONSTRAINT "letter_files_letter_fk"`);
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "letters_created_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "letters_encloses_fk"`);
    await queryRunner.query(`ALTER TABLE "letters" DROP CONSTRAINT "letters_sender_unit_fk"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_letter_recipient_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_root_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_recipient_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_parent_idx"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."register_entries_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."register_entries_letter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."register_entries_register_time_idx"`);
    await queryRunner.query(`DROP TABLE "register_entries"`);
    await queryRunner.query(`DROP TABLE "register_counters"`);
    await queryRunner.query(`DROP INDEX "public"."registers_unit_name_key"`);
    await queryRunner.query(`DROP TABLE "registers"`);
    await queryRunner.query(`DROP INDEX "public"."letter_files_file_idx"`);
    await queryRunner.query(`DROP TABLE "letter_files"`);
    await queryRunner.query(`DROP INDEX "public"."letters_reference_idx"`);
    await queryRunner.query(`DROP INDEX "public"."letters_root_idx"`);
    await queryRunner.query(`DROP INDEX "public"."letters_created_unit_idx"`);
    await queryRunner.query(`DROP TABLE "letters"`);
    await queryRunner.query(`DROP INDEX "public"."files_uploaded_unit_idx"`);
    await queryRunner.query(`DROP INDEX "public"."files_sha256_idx"`);
    await queryRunner.query(`DROP TABLE "files"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
