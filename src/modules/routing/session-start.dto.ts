import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { MeResponse } from 'src/modules/auth/auth.dto.js';
import { NestedObject, Optional } from 'src/common/validation.js';
import { ProgressQuery } from 'src/modules/routing/routing.dto.js';

/** The first page of a letter's progress, as `GET /letters/:id/progress` reads it. */
export class StartProgressRead extends ProgressQuery {
  @ApiProperty({ format: 'uuid', description: 'The letter whose progress the page shows' })
  @IsUUID()
  letterId: string;
}

export class SessionStartDto {
  @ApiPropertyOptional({
    type: StartProgressRead,
    description:
      "Also read this letter's progress (the letter tracking page opened by its address)",
  })
  @Optional()
  @NestedObject(() => StartProgressRead)
  progress?: StartProgressRead;
}

export class SessionTokensResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
}

/** One read made on the new session's behalf: its HTTP status and body, as if asked alone. */
export class StartReadAnswer {
  @ApiProperty({ example: 200 }) status: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The read's answer: its response body, or a problem (RFC 9457) when refused",
  })
  body: object;
}

/** The answer's first line: the new session and who is signed in. */
export class SessionStartHead {
  @ApiProperty({ type: SessionTokensResponse }) session: SessionTokensResponse;
  @ApiProperty({ type: MeResponse, description: 'As GET /me answers it' }) me: MeResponse;
}

/** The answer's second line, when the progress was asked for. */
export class SessionStartProgress {
  @ApiProperty({
    type: StartReadAnswer,
    description: 'As GET /letters/{id}/progress answers it',
  })
  progress: StartReadAnswer;
}

/** The answer's media type: one JSON document per line, each written as soon as it is known. */
export const NDJSON = 'application/x-ndjson; charset=utf-8';
