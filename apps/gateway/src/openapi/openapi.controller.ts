import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from '@intensify/contracts';
import { Public } from '../auth/public.decorator';

const DOCUMENT = openApiDocument();

@Public()
@Controller('api/v1')
export class OpenApiController {
  @Get('openapi.json')
  document() {
    return DOCUMENT;
  }
}
