import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Optional } from 'src/common/validation.js';
import { SPEED_CODES } from 'src/modules/letters/letter.entity.js';

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only unread ones', example: true })
  @Optional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NotificationPreferencesDto {
  @ApiPropertyOptional({
    description: 'Address for e-mail notifications (null removes it); used when SMTP_URL is set',
    example: 'saraban@roiet.go.th',
    nullable: true,
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ description: 'Receive the daily digest on working days', example: true })
  @Optional()
  @IsBoolean()
  digest?: boolean;
}

// Answers, described for the OpenAPI document (the console's types are generated from it).

/** The fields the notification kinds carry; each kind sets the ones it needs. */
export class NotificationPayloadResponse {
  @ApiPropertyOptional({ format: 'uuid' })
  letterId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  forwardId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  deliveryId?: string;

  @ApiPropertyOptional({ example: 'กระทรวงมหาดไทย' })
  fromUnitName?: string;

  @ApiPropertyOptional({ description: 'delivery.returned: the unit that returned it' })
  byUnitName?: string;

  @ApiPropertyOptional({ example: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗' })
  reference?: string;

  @ApiPropertyOptional()
  subject?: string;

  @ApiPropertyOptional({ enum: SPEED_CODES })
  speed?: string;

  @ApiPropertyOptional({ description: 'delivery.returned: why' })
  reason?: string;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  unitId: string | null;

  @ApiProperty({ example: 'delivery.new' })
  kind: string;

  @ApiProperty({
    type: () => NotificationPayloadResponse,
    description: 'What happened, in words and ids (never links); the fields depend on kind',
  })
  payload: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: Date | null;
}

export class NotificationPageResponse {
  @ApiProperty({ type: [NotificationResponse] })
  items: NotificationResponse[];

  @ApiProperty({ example: 1 })
  unreadCount: number;

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class UnreadCountResponse {
  @ApiProperty({ example: 3 })
  unreadCount: number;
}

export class MarkedResponse {
  @ApiProperty({ description: 'Notifications marked read', example: 12 })
  marked: number;
}
