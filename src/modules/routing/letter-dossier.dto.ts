import { ApiProperty } from '@nestjs/swagger';
import { LetterResponse } from 'src/modules/letters/letters.dto.js';
import { ANNOTATION_DECISION_CODES } from 'src/modules/routing/annotation.entity.js';
import { DELIVERY_STATES } from 'src/modules/routing/delivery.entity.js';

export class DossierUnitResponse {
  @ApiProperty() id: string;
  @ApiProperty() nameTh: string;
}

export class DossierReceiptResponse {
  @ApiProperty() entryId: string;
  @ApiProperty() registerId: string;
  @ApiProperty({ example: 'ทะเบียนหนังสือรับ' }) registerName: string;
  @ApiProperty({ enum: ['incoming', 'outgoing'] }) direction: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ example: 520 }) number: number;
  @ApiProperty({ example: 2569 }) beYear: number;
  @ApiProperty() registeredAt: Date;
  @ApiProperty({ example: '๑๕ ม.ค. ๒๕๖๙ ๑๐.๕๕ น.' }) registeredAtTh: string;
  @ApiProperty({ enum: ['active', 'cancelled'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) deliveryId: string | null;
  @ApiProperty({ description: 'The reader may write a minute (เกษียน) on this entry' })
  mayAnnotate: boolean;
  @ApiProperty({ description: 'The reader may send the letter on from this entry (ส่งต่อ)' })
  mayForward: boolean;
}

export class DossierMinuteResponse {
  @ApiProperty() id: string;
  @ApiProperty() registerEntryId: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' }) unitName: string;
  @ApiProperty({ example: 'นางสาวพรทิพย์ ศรีสุข' }) authorName: string;
  @ApiProperty({ type: String, nullable: true }) authorPosition: string | null;
  @ApiProperty({ example: 'เพื่อโปรดพิจารณาสั่งการ' }) text: string;
  @ApiProperty({ enum: ANNOTATION_DECISION_CODES, nullable: true, type: String })
  decision: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ดำเนินการ' }) decisionLabel: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ example: '๑๕ ม.ค. ๒๕๖๙ ๑๑.๐๒ น.' }) createdAtTh: string;
}

export class DossierHopResponse {
  @ApiProperty() deliveryId: string;
  @ApiProperty({ type: String, nullable: true }) parentDeliveryId: string | null;
  @ApiProperty() letterId: string;
  @ApiProperty() sender: DossierUnitResponse;
  @ApiProperty() recipient: DossierUnitResponse;
  @ApiProperty({ enum: DELIVERY_STATES }) state: string;
  @ApiProperty() sentAt: Date;
  @ApiProperty() sentAtTh: string;
  @ApiProperty({ type: Number, nullable: true, description: 'เลขรับ of the recipient' })
  receiptNumber: number | null;
}

export class DossierEnclosedResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true }) referenceRaw: string | null;
  @ApiProperty({ type: String, nullable: true }) letterDateRaw: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() secrecy: string;
}

export class DossierOriginResponse {
  @ApiProperty({
    type: [DossierHopResponse],
    description:
      'Deliveries that brought the letter to units you see, and those above them, oldest first',
  })
  path: DossierHopResponse[];
  @ApiProperty({
    type: [DossierEnclosedResponse],
    description: 'The letters this one encloses (re-issued), nearest first, up to the root',
  })
  encloses: DossierEnclosedResponse[];
  @ApiProperty({ description: 'An earlier letter of the chain exists that you may not see' })
  earlierHidden: boolean;
}

export class DossierRecipientResponse {
  @ApiProperty() unitId: string;
  @ApiProperty() nameTh: string;
  @ApiProperty() kind: string;
  @ApiProperty({ enum: DELIVERY_STATES }) state: string;
  @ApiProperty({ type: Number, nullable: true }) receiptNumber: number | null;
  @ApiProperty({ type: String, nullable: true }) stateChangedAt: string | null;
}

export class DossierForwardResponse {
  @ApiProperty() forwardId: string;
  @ApiProperty() sender: DossierUnitResponse;
  @ApiProperty() sentAt: Date;
  @ApiProperty() sentAtTh: string;
  @ApiProperty({ type: String, nullable: true }) responseDueAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) minuteId: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledAt: Date | null;
  @ApiProperty({ example: 23 }) total: number;
  @ApiProperty({ description: 'Not yet registered' }) sent: number;
  @ApiProperty() received: number;
  @ApiProperty() returned: number;
  @ApiProperty() cancelled: number;
  @ApiProperty({ type: [DossierRecipientResponse], description: 'The first recipients by name' })
  recipients: DossierRecipientResponse[];
}

export class LetterDossierResponse {
  @ApiProperty({ type: LetterResponse }) letter: LetterResponse;
  @ApiProperty({ type: String, nullable: true, description: "The sender unit's Thai name" })
  senderName: string | null;
  @ApiProperty({ type: [DossierReceiptResponse] }) receipts: DossierReceiptResponse[];
  @ApiProperty({ type: [DossierMinuteResponse] }) minutes: DossierMinuteResponse[];
  @ApiProperty() origin: DossierOriginResponse;
  @ApiProperty({ type: [DossierForwardResponse] }) destinations: DossierForwardResponse[];
}
