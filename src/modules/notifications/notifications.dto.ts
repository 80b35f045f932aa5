import { ApiPropertyOptional } from '@nestjs/swagger';
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
