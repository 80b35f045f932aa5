import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { FileErrors } from 'src/modules/files/files.errors.js';

export interface UploadedPdf {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * Reads one multipart file field `file` into memory, refusing anything larger than the
 * configured limit while it streams in (413 with the files module's own code).
 */
@Injectable()
export class PdfUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // File names arrive as UTF-8 (ไฟล์ทดสอบ.pdf); busboy's default reads them as Latin-1.
      defParamCharset: 'utf8',
      limits: { fileSize: config.fileMaxBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (!request.is('multipart/form-data')) {
      throw new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE, {
        detail: 'กรุณาส่งไฟล์แบบ multipart/form-data ในช่อง file',
      });
    }
    await new Promise<void>((resolve, reject) => {
      this.upload(request, response, (error: unknown) => {
        if (!error) return resolve();
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') return reject(new DomainError(FileErrors.FILE_TOO_LARGE));
        if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') {
          return reject(
            new DomainError(FileErrors.FILE_MISSING, { detail: 'ส่งได้ครั้งละหนึ่งไฟล์ ในช่องชื่อ file' }),
          );
        }
        reject(new DomainError(CommonErrors.MALFORMED_BODY, { detail: 'อ่านข้อมูล multipart ไม่ได้' }));
      });
    });
    return next.handle();
  }
}
