import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units (the tree of government units), users, memberships and refresh tokens.
 * Hand-written at the end: the extensions, the path index for subtree scans, the trigram
 * index for Thai substring search and the one-open-membership rule.
 */
export class Organisations1795904323267 implements MigrationInterface {
  name = 'Organisations1795904323267';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-written: uuid_generate_v4() for the ids, trigrams for name search.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "uuid-ossp"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "username" text NOT NULL, "display_name" text NOT NULL, "position_title" text, "password_hash" text NOT NULL, "clearance" text NOT NULL DEFAULT 'none', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "users_clearance_check" CHECK ("clearance" IN ('none', 'confidential', 'secret')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_username_key" ON "users"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "rotated_from" uuid, "token_hash" character(64) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "kind" text NOT NULL, "name_th" text NOT NULL, "short_name" text, "letter_code" text, "owner_number" text, "head_position" text, "parent_id" uuid, "path" text NOT NULL, "depth" integer NOT NULL, "active" boolean NOT NULL DEFAULT true, "reference_digits" text NOT NULL DEFAULT 'thai', "seed_key" text, "geocode" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "units_reference_digits_check" CHECK ("reference_digits" IN ('thai', 'arabic')), CONSTRAINT "units_kind_check" CHECK ("kind" IN ('ministry', 'department', 'province', 'provincial_office', 'provincial_division', 'provincial_local_admin_office', 'district', 'district_local_admin_office', 'provincial_administration', 'city_municipality', 'town_municipality', 'subdistrict_municipality', 'subdistrict_administration', 'other')), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "units_seed_key_key" ON "units"  ("seed_key") `);
    await queryRunner.query(`CREATE INDEX "units_parent_idx" ON "units"  ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "user_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "role" text NOT NULL, "acting" boolean NOT NULL DEFAULT false, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "memberships_acting_check" CHECK (NOT "acting" OR ("role" = 'head' AND "ends_at" IS NOT NULL)), CONSTRAINT "memberships_span_check" CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at"), CONSTRAINT "memberships_role_check" CHECK ("role" IN ('clerk', 'official', 'head', 'admin')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "memberships_unit_idx" ON "memberships"  ("unit_id") `);
    await queryRunner.query(`CREATE INDEX "memberships_user_idx" ON "memberships"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "units_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "memberships_unit_fk" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: `path LIKE '<prefix>%'` is an index range scan in any collation.
    await queryRunner.query(`CREATE INDEX "units_path_idx" ON "units" ("path" text_pattern_ops)`);
    // Hand-written: ILIKE '%…%' on Thai names (pg_trgm hashes multibyte trigrams).
    await queryRunner.query(
      `CREATE INDEX "units_name_trgm_idx" ON "units" USING gin ("name_th" gin_trgm_ops)`,
    );
    // Hand-written: a user holds a role in a unit once at a time (acting spans may repeat).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "memberships_open_key" ON "memberships" ("user_id", "unit_id", "role") WHERE "ends_at" IS NULL AND NOT "acting"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."memberships_open_key"`);
    await queryRunner.query(`DROP INDEX "public"."units_name_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."units_path_idx"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_unit_fk"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "memberships_user_fk"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "units_parent_fk"`);
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_user_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."memberships_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."memberships_unit_idx"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP INDEX "public"."units_parent_idx"`);
    await queryRunner.query(`DROP INDEX "public"."units_seed_key_key"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_family_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_user_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_hash_key"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."users_username_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
