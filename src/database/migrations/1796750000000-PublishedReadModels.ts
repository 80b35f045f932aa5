import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read models modules publish for each other (a module's tables are its own: others read
 * these views, never the tables; each view is its owner's, listed in the owner's README under
 * "Tables"). Plain one-table views: PostgreSQL inlines them, so a statement reading one plans
 * as if it read the table, and `FOR UPDATE OF` / `FOR SHARE OF` a view locks the table's row.
 * Writes go through the owner's repository.
 */
const VIEWS: Record<string, string> = {
  // organisations
  units_read: `SELECT id, kind, name_th, short_name, letter_code, owner_number, head_position,
    parent_id, path, depth, active, reference_digits, created_at, updated_at FROM units`,
  // users
  users_read: `SELECT id, username, display_name, position_title, clearance, active, created_at,
    updated_at FROM users`,
  memberships_read: `SELECT id, user_id, unit_id, role, acting, starts_at, ends_at, created_at
    FROM memberships`,
  // users, for auth's sign-in only
  user_credentials: `SELECT id, username, password_hash, active FROM users`,
  // files
  files_read: `SELECT id, sha256, size, pages, media_type, original_name, uploaded_by,
    uploaded_unit_id, created_at FROM files`,
  // letters
  letters_read: `SELECT id, kind, speed, speed_deadline, secrecy, reference_raw, agency_prefix,
    agency_number, circular, serial, letter_date_raw, letter_date, suggested_letter_date, subject,
    addressee, sender_unit_id, sender_text, owner_unit, root_letter_id, encloses_letter_id,
    created_unit_id, created_by, created_at FROM letters`,
  letter_files_read: `SELECT letter_id, position, file_id FROM letter_files`,
  // registers
  registers_read: `SELECT id, unit_id, kind, direction, name, min_clearance, active, created_at
    FROM registers`,
  register_entries_read: `SELECT id, register_id, be_year, number, letter_id, registered_at,
    action, remarks, status, cancel_reason, cancelled_at, replaces_entry_id, replaced_by_entry_id,
    delivery_id, issued_reference, created_by FROM register_entries`,
  // routing
  deliveries_read: `SELECT id, letter_id, root_letter_id, sender_unit_id, recipient_unit_id,
    parent_delivery_id, forward_id, forwarded_by, sent_at, due_at, state, state_changed_at,
    receipt_entry_id, receipt_number, state_reason, hop, escalation_started,
    escalation_halted_at, escalation_halt_reason FROM deliveries`,
  forwards_read: `SELECT id, letter_id, root_letter_id, sender_unit_id, register_entry_id,
    parent_delivery_id, forwarded_by, created_at, response_due_at, cancelled_at FROM forwards`,
};

export class PublishedReadModels1796750000000 implements MigrationInterface {
  name = 'PublishedReadModels1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [view, query] of Object.entries(VIEWS)) {
      await queryRunner.query(`CREATE VIEW "${view}" AS ${query}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of Object.keys(VIEWS).reverse()) {
      await queryRunner.query(`DROP VIEW "${view}"`);
    }
  }
}
