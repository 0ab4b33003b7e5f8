import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { openApiDocument } from '@intensify/contracts';

/** The browsable page at /api/docs, rendering the same document as /api/v1/openapi.json. */
export function mountDocsPage(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument() as never, {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
}
