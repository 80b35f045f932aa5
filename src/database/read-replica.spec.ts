import { APP_INTERCEPTOR } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { ReadYourWritesInterceptor, readYourWritesProviders } from 'src/database/read-replica.js';

describe('readYourWritesProviders', () => {
  it('puts no interceptor on the requests of an app without a replica', () => {
    expect(readYourWritesProviders({ databaseReadUrl: null })).toEqual([]);
  });

  it('marks the writes of an app with a replica', () => {
    expect(
      readYourWritesProviders({ databaseReadUrl: 'postgres://replica.example/saraban' }),
    ).toEqual([{ provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }]);
  });
});
