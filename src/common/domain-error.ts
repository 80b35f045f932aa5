/**
 * Services throw DomainError with a code from their module's error table; one HTTP filter
 * maps it to RFC 9457 problem+json. Services never throw HTTP exceptions, because job
 * handlers and the CLI call the same services.
 */

export interface ErrorSpec {
  /** HTTP status the API answers with. */
  status: number;
  /** Short English title (RFC 9457 `title`). */
  title: string;
  /** Thai explanation shown to the user (RFC 9457 `detail`). */
  detail: string;
}

export type ErrorTable<K extends string> = { readonly [P in K]: ErrorSpec & { code: P } };

/** Declares a module's error codes; each entry gets its own code as `code`. */
export function defineErrors<K extends string>(table: Record<K, ErrorSpec>): ErrorTable<K> {
  const result = {} as Record<string, ErrorSpec & { code: string }>;
  for (const [code, spec] of Object.entries<ErrorSpec>(table)) {
    result[code] = { ...spec, code };
  }
  return result as ErrorTable<K>;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** In a batch request, the position (from 0) of the item the error is about. */
  index?: number;
}

export class DomainError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string;

  constructor(
    spec: ErrorSpec & { code: string },
    readonly extras: {
      detail?: string;
      errors?: FieldError[];
      data?: Record<string, unknown>;
    } = {},
  ) {
    super(`${spec.code}: ${spec.title}`);
    this.name = 'DomainError';
    this.code = spec.code;
    this.status = spec.status;
    this.title = spec.title;
    this.detail = extras.detail ?? spec.detail;
  }
}

/** Errors every module may raise. */
export const CommonErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    title: 'Invalid request',
    detail: 'ข้อมูลที่ส่งมาไม่ถูกต้อง โปรดตรวจสอบช่องที่ระบุ',
  },
  MALFORMED_BODY: {
    status: 400,
    title: 'Malformed request body',
    detail: 'เนื้อหาคำขอไม่ใช่ JSON ที่ถูกต้อง',
  },
  BODY_TOO_DEEP: {
    status: 400,
    title: 'Request body nested too deeply',
    detail: 'ข้อมูล JSON ที่ส่งมาซ้อนกันลึกเกินกำหนด',
  },
  BODY_TOO_MANY_MEMBERS: {
    status: 413,
    title: 'Request body has too many members',
    detail: 'ออบเจ็กต์หรือรายการใน JSON ที่ส่งมามีจำนวนช่องมากเกินกำหนด',
  },
  TEXT_CONTAINS_NUL: {
    status: 400,
    title: 'Text contains a NUL character',
    detail: 'ข้อความที่ส่งมามีอักขระ NUL (U+0000) ซึ่งระบบไม่รับ',
  },
  INVALID_VALUE: {
    status: 400,
    title: 'Invalid value',
    detail: 'ค่าที่ส่งมาอยู่นอกขอบเขตหรือรูปแบบที่ระบบจัดเก็บได้',
  },
  UNKNOWN_REFERENCE: {
    status: 422,
    title: 'Unknown reference',
    detail: 'ข้อมูลที่ส่งมาอ้างถึงรายการที่ไม่มีในระบบ เช่น รหัสหน่วยงานหรือหนังสือที่ไม่มีอยู่',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'Payload too large',
    detail: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    detail: 'ไม่รองรับชนิดของข้อมูลที่ส่งมา',
  },
  NOT_FOUND: { status: 404, title: 'Not found', detail: 'ไม่พบสิ่งที่ร้องขอ' },
  UNAUTHENTICATED: {
    status: 401,
    title: 'Authentication required',
    detail: 'กรุณาเข้าสู่ระบบก่อนใช้งาน',
  },
  FORBIDDEN: { status: 403, title: 'Forbidden', detail: 'ท่านไม่มีสิทธิ์ดำเนินการนี้' },
  TOO_MANY_REQUESTS: {
    status: 429,
    title: 'Too many requests',
    detail: 'มีการร้องขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    title: 'Idempotency key reused with a different request',
    detail: 'Idempotency-Key นี้เคยใช้กับคำขออื่นแล้ว',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: 'Service unavailable',
    detail: 'ระบบไม่พร้อมให้บริการชั่วคราว',
  },
  DATABASE_BUSY: {
    status: 503,
    title: 'Database busy',
    detail: 'ฐานข้อมูลมีงานค้างมาก กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  },
  INTERNAL: {
    status: 500,
    title: 'Internal error',
    detail: 'เกิดข้อผิดพลาดภายในระบบ กรุณาแจ้งผู้ดูแลระบบพร้อมรหัสคำขอ',
  },
});
