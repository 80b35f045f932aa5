import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { col, queryFirst, queryRows } from 'src/database/rows.js';

export interface ChainStampRow {
  entryId: string;
  unitId: string;
  unitName: string;
  number: number;
  registeredAt: Date;
}

@Injectable()
export class ReceiptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findFirstFile(letterId: string): Promise<{ id: string; sha256: string } | undefined> {
    const row = await queryFirst(
      this.dataSource,
      'ReceiptsRepository.findFirstFile',
      { id: col.uuid, sha256: col.text },
      `SELECT f.id, f.sha256 FROM letter_files_read lf JOIN files_read f ON f.id = lf.file_id
        WHERE lf.letter_id = $1 ORDER BY lf.position LIMIT 1`,
      [letterId],
    );
    return row ?? undefined;
  }

  /**
   * Units whose stamps belong on this receipt's rendering: the receiving unit and every
   * unit above it on the delivery path (the parent deliveries' senders). Null when the
   * letter did not arrive through a delivery: then every earlier receipt of it counts.
   */
  async findPathUnits(deliveryId: string | null): Promise<string[] | null> {
    if (!deliveryId) return null;
    const rows = await queryRows(
      this.dataSource,
      'ReceiptsRepository.findPathUnits',
      { unit_id: col.uuid },
      `WITH RECURSIVE path AS (
         SELECT id, parent_delivery_id, recipient_unit_id, sender_unit_id FROM deliveries_read WHERE id = $1
         UNION ALL
         SELECT d.id, d.parent_delivery_id, d.recipient_unit_id, d.sender_unit_id
           FROM deliveries_read d JOIN path p ON d.id = p.parent_delivery_id)
       SELECT recipient_unit_id AS unit_id FROM path UNION SELECT sender_unit_id FROM path`,
      [deliveryId],
    );
    return rows.map((row) => row.unit_id);
  }

  /** Active receipts of the letter up to and including this one, in the order they were made. */
  async findStampChain(
    letterId: string,
    upTo: Date,
    unitIds: string[] | null,
  ): Promise<ChainStampRow[]> {
    return queryRows(
      this.dataSource,
      'ReceiptsRepository.findStampChain',
      {
        entryId: col.uuid,
        unitId: col.uuid,
        unitName: col.text,
        number: col.int,
        registeredAt: col.date,
      },
      `SELECT e.id AS "entryId", r.unit_id AS "unitId", u.name_th AS "unitName", e.number,
              e.registered_at AS "registeredAt"
         FROM register_entries_read e
         JOIN registers_read r ON r.id = e.register_id AND r.direction = 'incoming'
         JOIN units_read u ON u.id = r.unit_id
        WHERE e.letter_id = $1 AND e.status = 'active' AND e.registered_at <= $2
          AND ($3::uuid[] IS NULL OR r.unit_id = ANY($3::uuid[]))
        ORDER BY e.registered_at, e.id`,
      [letterId, upTo, unitIds],
    );
  }
}
